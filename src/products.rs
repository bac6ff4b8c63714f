//! Use cases of the nomenclature: the product window, the product list and
//! pickers, and the editable lists of brands, categories and suppliers.

use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::products as store;
use crate::domain::ids::{BrandId, CategoryId, ProductId, SupplierId};
use crate::domain::product::{
    Brand, Category, MAX_BRAND, Product, ProductDraft, ProductListItem, ProductSearch, Supplier,
    SupplierDraft, ValidProduct,
};
use crate::domain::validation::{FieldIssue, IssueCode, Issues};
use crate::error::Result;

const MAX_LIST_NAME: usize = 80;

impl Remzona {
    pub async fn search_products(&self, search: &ProductSearch) -> Result<Vec<ProductListItem>> {
        let mut conn = self.db().read().await?;
        store::search(&mut conn, search).await
    }

    pub async fn product(&self, id: ProductId) -> Result<Product> {
        let mut conn = self.db().read().await?;
        store::product(&mut conn, id).await
    }

    /// Checks the product window's input without saving (for messages as the operator types).
    pub fn validate_product(&self, draft: &ProductDraft) -> Vec<FieldIssue> {
        draft
            .validate()
            .err()
            .map(Issues::into_vec)
            .unwrap_or_default()
    }

    pub async fn create_product(&self, draft: &ProductDraft) -> Result<Product> {
        let valid = draft.validate()?;
        let id = ProductId::new();
        let mut tx = self.db().begin_write().await?;
        let brand = self.checked_brand(&mut tx, &valid, None).await?;
        store::insert(&mut tx, id, &valid, brand, self.now()).await?;
        tx.commit().await?;
        self.product(id).await
    }

    pub async fn update_product(&self, id: ProductId, draft: &ProductDraft) -> Result<Product> {
        let valid = draft.validate()?;
        let mut tx = self.db().begin_write().await?;
        let row = store::row_by_id(&mut tx, id).await?;
        let brand = self.checked_brand(&mut tx, &valid, Some(row.seq)).await?;
        store::update(&mut tx, row.seq, &valid, brand, self.now()).await?;
        tx.commit().await?;
        self.product(id).await
    }

    /// Archived products leave the pickers but keep their history and stock.
    pub async fn archive_product(&self, id: ProductId, archived: bool) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        store::set_archived(&mut tx, id, archived, self.now()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The product's brand id (added to the list when new), refusing an
    /// article that another product of the same brand already has.
    async fn checked_brand(
        &self,
        conn: &mut SqliteConnection,
        product: &ValidProduct,
        own_seq: Option<i64>,
    ) -> Result<Option<BrandId>> {
        let brand = match &product.brand {
            Some(name) => Some(store::brand_id(conn, name).await?),
            None => None,
        };
        refuse_taken_article(conn, product, brand, own_seq).await?;
        Ok(brand)
    }

    pub async fn brands(&self) -> Result<Vec<Brand>> {
        let mut conn = self.db().read().await?;
        store::brands(&mut conn).await
    }

    pub async fn rename_brand(&self, id: BrandId, name: &str) -> Result<()> {
        let name = list_name(name, MAX_BRAND)?;
        let mut tx = self.db().begin_write().await?;
        store::rename_brand(&mut tx, id, &name).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn archive_brand(&self, id: BrandId, archived: bool) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        store::set_brand_archived(&mut tx, id, archived).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn categories(&self, with_archived: bool) -> Result<Vec<Category>> {
        let mut conn = self.db().read().await?;
        store::categories(&mut conn, with_archived).await
    }

    pub async fn add_category(&self, parent: Option<CategoryId>, name: &str) -> Result<CategoryId> {
        let name = list_name(name, MAX_LIST_NAME)?;
        let mut tx = self.db().begin_write().await?;
        let id = store::add_category(&mut tx, parent, &name).await?;
        tx.commit().await?;
        Ok(id)
    }

    pub async fn rename_category(&self, id: CategoryId, name: &str) -> Result<()> {
        let name = list_name(name, MAX_LIST_NAME)?;
        let mut tx = self.db().begin_write().await?;
        store::rename_category(&mut tx, id, &name).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn archive_category(&self, id: CategoryId, archived: bool) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        store::set_category_archived(&mut tx, id, archived).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn suppliers(&self, with_archived: bool) -> Result<Vec<Supplier>> {
        let mut conn = self.db().read().await?;
        store::suppliers(&mut conn, with_archived).await
    }

    /// Adds a supplier (`id` = `None`) or changes one.
    pub async fn save_supplier(
        &self,
        id: Option<SupplierId>,
        draft: &SupplierDraft,
    ) -> Result<SupplierId> {
        let mut issues = Issues::default();
        let clean = SupplierDraft {
            name: issues.line("name", &draft.name, MAX_LIST_NAME * 2),
            inn: issues.line("inn", &draft.inn, 12),
            phone: issues.line("phone", &draft.phone, 40),
            email: issues.line("email", &draft.email, 120),
            notes: issues.text("notes", &draft.notes, 1000),
        };
        if clean.name.is_empty() {
            issues.add("name", IssueCode::Required);
        }
        let clean = issues.into_result(clean)?;
        let mut tx = self.db().begin_write().await?;
        let saved = store::save_supplier(&mut tx, id, &clean).await?;
        tx.commit().await?;
        Ok(saved)
    }

    pub async fn archive_supplier(&self, id: SupplierId, archived: bool) -> Result<()> {
        let mut tx = self.db().begin_write().await?;
        store::set_supplier_archived(&mut tx, id, archived).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// `Taken` on the article when another product of this brand has it; the
/// issue's detail is that product's id, so the window can open it.
pub(crate) async fn refuse_taken_article(
    conn: &mut SqliteConnection,
    product: &ValidProduct,
    brand: Option<BrandId>,
    own_seq: Option<i64>,
) -> Result<()> {
    if product.article_key.is_empty() {
        return Ok(());
    }
    match store::find_by_article(conn, &product.article_key, brand).await? {
        Some((seq, other)) if Some(seq) != own_seq => {
            let mut issues = Issues::default();
            issues.add_detail("article", IssueCode::Taken, other.to_string());
            Err(issues.into())
        }
        _ => Ok(()),
    }
}

/// A name for an editable list: trimmed, not empty, not too long.
fn list_name(name: &str, max: usize) -> Result<String> {
    let mut issues = Issues::default();
    let name = issues.line("name", name, max);
    if name.is_empty() {
        issues.add("name", IssueCode::Required);
    }
    Ok(issues.into_result(name)?)
}
