//! Use cases of the price list: services with their prices in effect, the
//! categories (which are also mechanics' skills) with their hourly rates,
//! service packages, and the shop's hourly rate.

use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::pricelist as store;
use crate::db::products as catalogue;
use crate::db::stock::{set_setting, setting};
use crate::domain::ids::{PackageId, ServiceCategoryId, ServiceId};
use crate::domain::money::Money;
use crate::domain::pricelist::{
    Package, PackageDraft, PackageProduct, PricingSettings, Service, ServiceCategory,
    ServiceCategoryDraft, ServiceDraft, ServiceSearch, package_quantity,
};
use crate::domain::validation::{FieldIssue, IssueCode, Issues};
use crate::error::Result;

const HOURLY_RATE: &str = "hourly_rate";
/// 2 500 ₽ an hour until the shop sets its own.
const DEFAULT_HOURLY_RATE: Money = Money::from_kopecks(250_000);

impl Remzona {
    pub async fn pricing_settings(&self) -> Result<PricingSettings> {
        let mut conn = self.db().read().await?;
        Ok(PricingSettings {
            hourly_rate: shop_rate(&mut conn).await?,
        })
    }

    pub async fn set_hourly_rate(&self, typed: &str) -> Result<PricingSettings> {
        let mut issues = Issues::default();
        let rate = crate::domain::product::price(typed, "hourlyRate", &mut issues);
        if rate.is_none() && typed.trim().is_empty() {
            issues.add("hourlyRate", IssueCode::Required);
        }
        let rate = issues.into_result(rate.unwrap_or(DEFAULT_HOURLY_RATE))?;
        let mut tx = self.db().begin_write().await?;
        set_setting(&mut tx, HOURLY_RATE, &rate.kopecks().to_string()).await?;
        tx.commit().await?;
        Ok(PricingSettings { hourly_rate: rate })
    }

    pub async fn service_categories(&self, with_archived: bool) -> Result<Vec<ServiceCategory>> {
        let mut conn = self.db().read().await?;
        store::categories(&mut conn, with_archived).await
    }

    /// Adds a category (`id` = `None`) or changes its name and hourly rate.
    pub async fn save_service_category(
        &self,
        id: Option<ServiceCategoryId>,
        draft: &ServiceCategoryDraft,
    ) -> Result<ServiceCategoryId> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        let saved = store::save_category(&mut tx, id, &valid).await?;
        tx.commit().await?;
        Ok(saved)
    }

    pub async fn archive_service_category(
        &self,
        id: ServiceCategoryId,
        archived: bool,
    ) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        store::set_category_archived(&mut tx, id, archived).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn search_services(&self, search: &ServiceSearch) -> Result<Vec<Service>> {
        let mut conn = self.db().read().await?;
        let rate = shop_rate(&mut conn).await?;
        store::services(&mut conn, search, rate).await
    }

    pub async fn service(&self, id: ServiceId) -> Result<Service> {
        let mut conn = self.db().read().await?;
        let rate = shop_rate(&mut conn).await?;
        store::service(&mut conn, id, rate).await
    }

    pub fn validate_service(&self, draft: &ServiceDraft) -> Vec<FieldIssue> {
        draft
            .validate()
            .err()
            .map(Issues::into_vec)
            .unwrap_or_default()
    }

    pub async fn create_service(&self, draft: &ServiceDraft) -> Result<Service> {
        self.save_service(None, draft).await
    }

    pub async fn update_service(&self, id: ServiceId, draft: &ServiceDraft) -> Result<Service> {
        self.save_service(Some(id), draft).await
    }

    async fn save_service(&self, id: Option<ServiceId>, draft: &ServiceDraft) -> Result<Service> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        let existing = match id {
            Some(id) => Some(store::seq_of(&mut tx, id).await?),
            None => None,
        };
        if let Some((seq, _)) = store::seq_by_code(&mut tx, &valid.code).await?
            && Some(seq) != existing
        {
            let mut issues = Issues::default();
            issues.add("code", IssueCode::Taken);
            return Err(issues.into());
        }
        let id = id.unwrap_or_default();
        store::save_service(&mut tx, existing, id, &valid, self.now()).await?;
        tx.commit().await?;
        self.service(id).await
    }

    pub async fn archive_service(&self, id: ServiceId, archived: bool) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        store::set_service_archived(&mut tx, id, archived, self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn packages(&self, with_archived: bool) -> Result<Vec<Package>> {
        let mut conn = self.db().read().await?;
        let rate = shop_rate(&mut conn).await?;
        let rows = store::packages(&mut conn, with_archived).await?;
        let mut list = Vec::with_capacity(rows.len());
        for row in rows {
            list.push(package_of(&mut conn, row, rate).await?);
        }
        Ok(list)
    }

    pub async fn package(&self, id: PackageId) -> Result<Package> {
        self.packages(true)
            .await?
            .into_iter()
            .find(|p| p.id == id)
            .ok_or_else(|| crate::Error::not_found("package", id))
    }

    pub async fn create_package(&self, draft: &PackageDraft) -> Result<Package> {
        self.save_package(None, draft).await
    }

    pub async fn update_package(&self, id: PackageId, draft: &PackageDraft) -> Result<Package> {
        self.save_package(Some(id), draft).await
    }

    async fn save_package(&self, id: Option<PackageId>, draft: &PackageDraft) -> Result<Package> {
        let valid = draft.validate()?;
        let mut issues = Issues::default();
        let mut tx = self.db().begin_write().await?;
        let existing = match id {
            Some(id) => Some(store::package_seq(&mut tx, id).await?),
            None => None,
        };
        if let Some(seq) = store::package_seq_by_code(&mut tx, &valid.code).await?
            && Some(seq) != existing
        {
            issues.add("code", IssueCode::Taken);
        }
        let mut services = Vec::new();
        for (index, service) in valid.services.iter().enumerate() {
            match store::seq_of(&mut tx, *service).await {
                Ok(seq) => services.push(seq),
                Err(crate::Error::NotFound { .. }) => {
                    issues.add(format!("services.{index}"), IssueCode::Unavailable)
                }
                Err(other) => return Err(other),
            }
        }
        let mut products = Vec::new();
        for (index, (product, typed)) in valid.products.iter().enumerate() {
            match catalogue::row_by_id(&mut tx, *product).await {
                Ok(row) => {
                    let qty = package_quantity(typed, row.unit(), index, &mut issues);
                    products.push((row.seq, qty));
                }
                Err(crate::Error::NotFound { .. }) => issues.add(
                    format!("products.{index}.productId"),
                    IssueCode::Unavailable,
                ),
                Err(other) => return Err(other),
            }
        }
        issues.into_result(())?;
        let id = id.unwrap_or_default();
        store::save_package(
            &mut tx,
            existing,
            id,
            &valid,
            &services,
            &products,
            self.now(),
        )
        .await?;
        tx.commit().await?;
        self.package(id).await
    }

    pub async fn archive_package(&self, id: PackageId, archived: bool) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        store::set_package_archived(&mut tx, id, archived, self.now()).await?;
        tx.commit().await?;
        Ok(())
    }
}

async fn shop_rate(conn: &mut SqliteConnection) -> Result<Money> {
    let stored = setting(conn, HOURLY_RATE).await?;
    Ok(stored
        .and_then(|text| text.parse::<i64>().ok())
        .map_or(DEFAULT_HOURLY_RATE, Money::from_kopecks))
}

async fn package_of(
    conn: &mut SqliteConnection,
    row: store::PackageRows,
    rate: Money,
) -> Result<Package> {
    let mut services = Vec::new();
    for id in &row.services {
        services.push(store::service(conn, *id, rate).await?);
    }
    let mut products = Vec::new();
    for (id, quantity) in &row.products {
        let product = catalogue::row_by_id(conn, crate::db::parse_id(id)?).await?;
        let price = product.sale_price();
        products.push(PackageProduct {
            product_id: product.product_id()?,
            name: product.name.clone(),
            article: product.article.clone(),
            brand: product.brand.clone(),
            unit: product.unit(),
            quantity: *quantity,
            price,
            amount: price
                .map_or(Ok(Money::ZERO), |p| p.times(*quantity))
                .unwrap_or(Money::ZERO),
        });
    }
    let price = Money::sum(
        services
            .iter()
            .map(|s| s.price)
            .chain(products.iter().map(|p| p.amount)),
    )
    .unwrap_or(Money::ZERO);
    let duration_minutes = services.iter().map(|s| s.duration_minutes).sum();
    Ok(Package {
        id: row.id,
        code: row.code,
        name: row.name,
        services,
        products,
        price,
        duration_minutes,
        archived: row.archived,
    })
}
