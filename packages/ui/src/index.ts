export { cn } from "./cn.ts";
export { Button, Spinner, type ButtonProps } from "./button.tsx";
export { TextAreaField, TextField, type TextAreaFieldProps, type TextFieldProps } from "./field.tsx";
export { Alert } from "./alert.tsx";
export { Price, discountPercent, formatMoney } from "./money.tsx";
export { Rating } from "./rating.tsx";
