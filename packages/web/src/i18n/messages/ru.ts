import type { en } from "./en.ts";

export const ru: Record<keyof typeof en, string> = {
  "nav.signIn": "Войти",
  "nav.signUp": "Регистрация",
  "nav.signOut": "Выйти",
  "nav.account": "Профиль",
  "nav.language": "Язык",
  "home.popular": "Популярное",
  "home.new": "Новинки",
  "home.recentlyViewed": "Вы смотрели",
  "home.categories": "Категории",
  "product.noReviews": "Пока нет отзывов",
  "product.reviews": "{count} отзыв|{count} отзыва|{count} отзывов",
  "product.notAvailable": "Нет в наличии",
  "common.empty": "Здесь пока нет товаров. Загляните позже.",
};
