-- Who handed the car over when it is not the client in person: the driver of
-- a company's car (or anyone the client sent). Empty: the client.
ALTER TABLE repair_orders ADD COLUMN handed_over_by TEXT NOT NULL DEFAULT '';
