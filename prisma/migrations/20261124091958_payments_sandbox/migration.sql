-- Payments: amount mismatches reported by the provider, and the payment sandbox's own tables
-- (the Stripe-compatible far end used when no STRIPE_SECRET_KEY is set).
-- CreateTable
CREATE TABLE "PaymentAmountMismatch" (
    "id" UUID NOT NULL,
    "paymentId" UUID NOT NULL,
    "providerPaymentId" TEXT NOT NULL,
    "expectedMinor" INTEGER NOT NULL,
    "expectedCurrency" "Currency" NOT NULL,
    "receivedMinor" INTEGER NOT NULL,
    "receivedCurrency" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentAmountMismatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxPaymentIntent" (
    "id" TEXT NOT NULL,
    "clientSecret" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "description" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "amountReceived" INTEGER NOT NULL DEFAULT 0,
    "latestChargeId" TEXT,
    "paymentMethodId" TEXT,
    "cardBrand" TEXT,
    "cardLast4" TEXT,
    "cardExpMonth" INTEGER,
    "cardExpYear" INTEGER,
    "lastPaymentError" JSONB,
    "settlesAt" TIMESTAMP(3),
    "canceledAt" TIMESTAMP(3),
    "cancellationReason" TEXT,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SandboxPaymentIntent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxRefund" (
    "id" TEXT NOT NULL,
    "paymentIntentId" TEXT NOT NULL,
    "chargeId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxIdempotentRequest" (
    "key" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxIdempotentRequest_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "SandboxEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "created" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "deliveredAt" TIMESTAMP(3),
    "lastError" TEXT,

    CONSTRAINT "SandboxEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentAmountMismatch_resolvedAt_createdAt_idx" ON "PaymentAmountMismatch"("resolvedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentAmountMismatch_paymentId_receivedMinor_receivedCurre_key" ON "PaymentAmountMismatch"("paymentId", "receivedMinor", "receivedCurrency");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxPaymentIntent_clientSecret_key" ON "SandboxPaymentIntent"("clientSecret");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxPaymentIntent_latestChargeId_key" ON "SandboxPaymentIntent"("latestChargeId");

-- CreateIndex
CREATE INDEX "SandboxPaymentIntent_status_settlesAt_idx" ON "SandboxPaymentIntent"("status", "settlesAt");

-- CreateIndex
CREATE INDEX "SandboxRefund_paymentIntentId_idx" ON "SandboxRefund"("paymentIntentId");

-- CreateIndex
CREATE INDEX "SandboxEvent_created_idx" ON "SandboxEvent"("created");

-- AddForeignKey
ALTER TABLE "PaymentAmountMismatch" ADD CONSTRAINT "PaymentAmountMismatch_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxRefund" ADD CONSTRAINT "SandboxRefund_paymentIntentId_fkey" FOREIGN KEY ("paymentIntentId") REFERENCES "SandboxPaymentIntent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants Prisma cannot express, added by hand.
-- The sandbox refuses what Stripe refuses: non-positive amounts, refunds beyond the charge.
ALTER TABLE "SandboxPaymentIntent" ADD CONSTRAINT "SandboxPaymentIntent_amount_check" CHECK ("amount" > 0);
ALTER TABLE "SandboxPaymentIntent" ADD CONSTRAINT "SandboxPaymentIntent_amountReceived_check" CHECK ("amountReceived" BETWEEN 0 AND "amount");
ALTER TABLE "SandboxPaymentIntent" ADD CONSTRAINT "SandboxPaymentIntent_status_check"
  CHECK ("status" IN ('requires_payment_method', 'processing', 'succeeded', 'canceled'));
ALTER TABLE "SandboxRefund" ADD CONSTRAINT "SandboxRefund_amount_check" CHECK ("amount" > 0);
-- Our own record never shows more refunded than was paid.
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_refunded_le_amount_check" CHECK ("refundedMinor" <= "amountMinor");
