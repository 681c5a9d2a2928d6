-- AlterTable
ALTER TABLE "EmailMessage" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "sentAt" TIMESTAMP(3),
ADD COLUMN     "userId" UUID;

-- AlterTable
ALTER TABLE "ReturnRequest" ADD COLUMN     "amountMinor" INTEGER NOT NULL,
ADD COLUMN     "currency" "Currency" NOT NULL,
ADD COLUMN     "decidedAt" TIMESTAMP(3),
ADD COLUMN     "refundId" UUID,
ADD COLUMN     "rejectReason" TEXT;

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "cancelRequestedAt" TIMESTAMP(3),
ADD COLUMN     "cancelledAt" TIMESTAMP(3),
ADD COLUMN     "lastError" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ReturnRequest_refundId_key" ON "ReturnRequest"("refundId");

-- Invariants Prisma cannot express, added by hand.
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_quantity_check" CHECK ("quantity" > 0);
ALTER TABLE "ReturnRequest" ADD CONSTRAINT "ReturnRequest_amountMinor_check" CHECK ("amountMinor" >= 0);
