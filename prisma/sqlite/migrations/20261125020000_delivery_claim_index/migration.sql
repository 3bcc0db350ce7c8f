-- CreateIndex
CREATE INDEX "Delivery_editionId_status_id_idx" ON "Delivery"("editionId", "status", "id");

