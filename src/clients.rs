//! The client use cases: validate, check for a phone another client already
//! has, and write, each save in one transaction.

use crate::Remzona;
use crate::db::clients as store;
use crate::domain::client::{Client, ClientDraft, ClientSearchResult, SharedPhone, ValidClient};
use crate::domain::ids::ClientId;
use crate::domain::search::SearchQuery;
use crate::domain::validation::FieldIssue;
use crate::error::{Error, Result};

/// The client list never renders more rows than this at once.
pub const MAX_SEARCH_LIMIT: u32 = 1000;

impl Remzona {
    /// All problems of a draft, for inline messages while the form is filled in.
    pub fn validate_client(&self, draft: &ClientDraft) -> Vec<FieldIssue> {
        match draft.validate() {
            Ok(_) => Vec::new(),
            Err(issues) => issues.into_vec(),
        }
    }

    pub async fn create_client(&self, draft: &ClientDraft, shared: SharedPhone) -> Result<Client> {
        let client = draft.validate()?;
        let id = ClientId::new();
        let mut tx = self.db.begin_write().await?;
        refuse_taken_phone(&mut tx, &client, None, shared).await?;
        store::insert(&mut tx, id, &client, self.clock.now()).await?;
        tx.commit().await?;
        self.client(id).await
    }

    pub async fn update_client(
        &self,
        id: ClientId,
        draft: &ClientDraft,
        shared: SharedPhone,
    ) -> Result<Client> {
        let client = draft.validate()?;
        let mut tx = self.db.begin_write().await?;
        refuse_taken_phone(&mut tx, &client, Some(id), shared).await?;
        store::update(&mut tx, id, &client, self.clock.now()).await?;
        tx.commit().await?;
        self.client(id).await
    }

    pub async fn client(&self, id: ClientId) -> Result<Client> {
        store::get(&self.db, id).await
    }

    /// Clients matching what the operator typed: a name in any case, a phone
    /// fragment in any format, an e-mail or a word from the notes.
    pub async fn search_clients(&self, query: &str, limit: u32) -> Result<ClientSearchResult> {
        let limit = limit.clamp(1, MAX_SEARCH_LIMIT);
        store::search(&self.db, &SearchQuery::parse(query), limit).await
    }

    pub async fn count_clients(&self) -> Result<i64> {
        store::count(&self.db).await
    }
}

async fn refuse_taken_phone(
    tx: &mut crate::db::Tx,
    client: &ValidClient,
    except: Option<ClientId>,
    shared: SharedPhone,
) -> Result<()> {
    if shared == SharedPhone::Allow {
        return Ok(());
    }
    let phones: Vec<_> = client.phones.iter().map(|p| &p.number).collect();
    match store::find_phone_owner(tx, &phones, except).await? {
        Some((phone, existing)) => Err(Error::DuplicatePhone {
            phone: phone.as_e164().to_owned(),
            existing,
        }),
        None => Ok(()),
    }
}
