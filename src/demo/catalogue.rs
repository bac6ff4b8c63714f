//! Seeding the nomenclature and the price list: `remzona seed --products N`
//! and the demo shop. Products come from the deterministic parts stream of
//! [`super::parts`], services and packages from its price list; a demo shop
//! also gets opening stock through a real receipt, so its ledger is whole.

use std::collections::HashMap;

use crate::Remzona;
use crate::db::{pricelist as services, products as store};
use crate::demo::parts::{PartSeed, PartUnit, PartsCatalogue, demo_packages, demo_services};
use crate::domain::ids::{CategoryId, ProductId, ServiceCategoryId, ServiceId};
use crate::domain::money::Money;
use crate::domain::pricelist::{PackageDraft, PackageProductDraft, ServiceDraft};
use crate::domain::product::{Attribute, NumberKind, ProductDraft, ProductNumber, VatRate};
use crate::domain::quantity::{MILLI, Quantity, Unit};
use crate::domain::stock::{ReceiptDraft, ReceiptLineDraft};
use crate::error::Result;

/// Products written per transaction: big enough to be fast, small enough
/// that the desk is never locked out for long.
const BATCH: usize = 5_000;
/// How many products of a demo shop get opening stock.
const STOCKED: usize = 300;

/// What `seed --products` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CatalogueOutcome {
    Added {
        products: usize,
        services: usize,
        packages: usize,
    },
    /// The shop already has products; nothing was added.
    SkippedNotEmpty(i64),
}

impl Remzona {
    /// Adds `count` realistic products (and the demo price list when the shop
    /// has no services yet). Refuses a shop that already has products.
    pub async fn seed_catalogue(&self, count: usize, seed: u64) -> Result<CatalogueOutcome> {
        let existing = {
            let mut conn = self.db().read().await?;
            store::count(&mut conn).await?
        };
        if existing > 0 {
            return Ok(CatalogueOutcome::SkippedNotEmpty(existing));
        }
        let products = self.seed_products(count, seed).await?;
        let (services, packages) = self.seed_price_list(&products).await?;
        Ok(CatalogueOutcome::Added {
            products: products.len(),
            services,
            packages,
        })
    }

    /// The demo shop's catalogue with stock on the shelves.
    pub(crate) async fn seed_demo_catalogue(&self, count: usize, seed: u64) -> Result<()> {
        if let CatalogueOutcome::SkippedNotEmpty(_) = self.seed_catalogue(count, seed).await? {
            return Ok(());
        }
        let stocked = self.opening_stock(seed).await?;
        if !stocked.lines.is_empty() {
            self.receive_stock(&stocked).await?;
        }
        Ok(())
    }

    async fn seed_products(&self, count: usize, seed: u64) -> Result<Vec<SeededProduct>> {
        let categories = self.category_ids().await?;
        let now = self.now();
        let mut parts = PartsCatalogue::new(seed);
        let mut seeded = Vec::with_capacity(count);
        let mut brands = HashMap::new();
        while seeded.len() < count {
            let mut tx = self.db().begin_write().await?;
            for _ in 0..BATCH.min(count - seeded.len()) {
                let part = parts.next_part();
                let valid = draft_of(&part, &categories).validate()?;
                let brand = match brands.get(part.brand) {
                    Some(id) => *id,
                    None => {
                        let id = store::brand_id(&mut tx, part.brand).await?;
                        brands.insert(part.brand, id);
                        id
                    }
                };
                let id = ProductId::new();
                store::insert(&mut tx, id, &valid, Some(brand), now).await?;
                seeded.push(SeededProduct {
                    id,
                    category: part.category,
                    unit: unit_of(part.unit),
                });
            }
            tx.commit().await?;
        }
        Ok(seeded)
    }

    async fn category_ids(&self) -> Result<HashMap<String, CategoryId>> {
        Ok(self
            .categories(true)
            .await?
            .into_iter()
            .map(|c| (c.path, c.id))
            .collect())
    }

    /// The demo price list and its packages, the packages' parts taken from
    /// the seeded products of the right category.
    async fn seed_price_list(&self, products: &[SeededProduct]) -> Result<(usize, usize)> {
        {
            let mut conn = self.db().read().await?;
            let existing = services::services(&mut conn, &Default::default(), Money::ZERO).await?;
            if !existing.is_empty() {
                return Ok((0, 0));
            }
        }
        let categories: HashMap<String, ServiceCategoryId> = self
            .service_categories(true)
            .await?
            .into_iter()
            .map(|c| (c.name, c.id))
            .collect();
        let mut codes: HashMap<&'static str, ServiceId> = HashMap::new();
        for seed in demo_services() {
            let draft = ServiceDraft {
                code: seed.code.to_owned(),
                name: seed.name.to_owned(),
                category_id: categories.get(seed.category).copied(),
                standard_hours: Quantity::from_milli(seed.hours_milli).to_string(),
                price: seed
                    .fixed_price_kopecks
                    .map(|k| Money::from_kopecks(k).to_string())
                    .unwrap_or_default(),
                duration_minutes: seed.duration_minutes.to_string(),
                extra_skills: Vec::new(),
                notes: String::new(),
            };
            codes.insert(seed.code, self.create_service(&draft).await?.id);
        }
        let mut packages = 0;
        for seed in demo_packages() {
            let parts = seed
                .parts
                .iter()
                .filter_map(|((top, sub), milli)| {
                    let product = products.iter().find(|p| {
                        p.category == (*top, *sub)
                            && (p.unit.allows_fraction() || milli % MILLI == 0)
                    })?;
                    Some(PackageProductDraft {
                        product_id: product.id,
                        quantity: Quantity::from_milli(*milli).to_string(),
                    })
                })
                .collect();
            let draft = PackageDraft {
                code: seed.code.to_owned(),
                name: seed.name.to_owned(),
                services: seed
                    .services
                    .iter()
                    .filter_map(|c| codes.get(c).copied())
                    .collect(),
                products: parts,
            };
            self.create_package(&draft).await?;
            packages += 1;
        }
        Ok((codes.len(), packages))
    }

    /// A receipt that puts a few of every category on the shelves.
    async fn opening_stock(&self, seed: u64) -> Result<ReceiptDraft> {
        let ids = {
            let mut conn = self.db().read().await?;
            store::all_ids(&mut conn).await?
        };
        // Spread over the alphabet, so every category has something in stock.
        let step = (ids.len() / STOCKED).max(1);
        let lines = ids
            .into_iter()
            .step_by(step)
            .take(STOCKED)
            .enumerate()
            .map(|(n, id)| ReceiptLineDraft {
                product_id: id,
                quantity: (2 + (seed as usize + n * 7) % 12).to_string(),
                price: String::new(),
            })
            .collect();
        Ok(ReceiptDraft {
            warehouse_id: None,
            supplier_id: None,
            invoice_number: "Начальные остатки".to_owned(),
            invoice_date: String::new(),
            comment: "Ввод начальных остатков".to_owned(),
            lines,
        })
    }
}

/// A seeded product, as far as packages and stock need it.
struct SeededProduct {
    id: ProductId,
    category: (&'static str, &'static str),
    unit: Unit,
}

fn unit_of(unit: PartUnit) -> Unit {
    match unit {
        PartUnit::Piece => Unit::Piece,
        PartUnit::Litre => Unit::Litre,
        PartUnit::Kilogram => Unit::Kilogram,
        PartUnit::Metre => Unit::Metre,
        PartUnit::Set => Unit::Set,
    }
}

fn draft_of(part: &PartSeed, categories: &HashMap<String, CategoryId>) -> ProductDraft {
    let path = format!("{} / {}", part.category.0, part.category.1);
    let numbers = part
        .oem
        .iter()
        .map(|(brand, number)| (NumberKind::Oem, brand, number))
        .chain(
            part.cross
                .iter()
                .map(|(brand, number)| (NumberKind::Cross, brand, number)),
        )
        .map(|(kind, brand, number)| ProductNumber {
            kind,
            brand: (*brand).to_owned(),
            number: number.clone(),
        })
        .collect();
    ProductDraft {
        name: part.name.clone(),
        article: part.article.clone(),
        brand: part.brand.to_owned(),
        category_id: categories.get(&path).copied(),
        unit: unit_of(part.unit),
        numbers,
        barcodes: part.barcode.iter().cloned().collect(),
        attributes: part
            .attributes
            .iter()
            .map(|(name, value)| Attribute {
                name: (*name).to_owned(),
                value: value.clone(),
            })
            .collect(),
        purchase_price: Money::from_kopecks(part.purchase_kopecks).to_string(),
        sale_price: Money::from_kopecks(part.sale_kopecks).to_string(),
        markup_percent: String::new(),
        vat: VatRate::Without,
        min_stock: if part.min_stock_milli > 0 {
            Quantity::from_milli(part.min_stock_milli).to_string()
        } else {
            String::new()
        },
        supplier_id: None,
        notes: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::domain::article::article_key;

    /// The database keeps one product per article key and brand key; the
    /// stream must not print two spellings of one number for one brand.
    #[test]
    fn seeded_articles_are_unique_per_brand_after_normalisation() {
        let mut seen: HashMap<(String, String), String> = HashMap::new();
        let mut clashes = Vec::new();
        for part in PartsCatalogue::new(2026).take(200_000) {
            let key = (article_key(part.brand), article_key(&part.article));
            if let Some(first) = seen.insert(key, part.article.clone()) {
                clashes.push(format!("{} {first} / {}", part.brand, part.article));
            }
        }
        assert!(
            clashes.is_empty(),
            "{} clashes: {:?}",
            clashes.len(),
            &clashes[..clashes.len().min(10)]
        );
    }
}
