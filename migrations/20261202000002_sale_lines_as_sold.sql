-- A sale's lines keep the product's name, article, brand and unit as they were
-- when it was sold, so its товарный чек reads the same after the product is
-- renamed. NULL only in lines written before this migration filled them.
ALTER TABLE sale_lines ADD COLUMN name TEXT;
ALTER TABLE sale_lines ADD COLUMN article TEXT;
ALTER TABLE sale_lines ADD COLUMN brand TEXT;
ALTER TABLE sale_lines ADD COLUMN unit TEXT;

UPDATE sale_lines SET
    name = (SELECT p.name FROM products p WHERE p.seq = sale_lines.product_seq),
    article = (SELECT p.article FROM products p WHERE p.seq = sale_lines.product_seq),
    brand = (SELECT b.name FROM products p JOIN brands b ON b.id = p.brand_id
             WHERE p.seq = sale_lines.product_seq),
    unit = (SELECT p.unit FROM products p WHERE p.seq = sale_lines.product_seq);

-- The buyer as named on the чек when it was sold (the company's full name and
-- ИНН, or the person's name). NULL: a sale without a buyer, or one written
-- before this migration (its чек names the client as now).
ALTER TABLE sales ADD COLUMN buyer_name TEXT;
ALTER TABLE sales ADD COLUMN buyer_inn TEXT;
