//! The client use cases: validate, look for duplicates, write, archive, merge.
//! Every save is one transaction that also appends to the client's history
//! and refreshes the search index.

use sqlx::SqliteConnection;

use crate::Remzona;
use crate::db::{catalogue, clients as store, history, search, vehicles};
use crate::domain::client::{
    Client, ClientDraft, ClientRef, ClientSearchResult, Duplicates, LeadSource, ValidClient,
};
use crate::domain::consent::{allowed_channels, current_states};
use crate::domain::history::{HistoryEntry, HistoryKind};
use crate::domain::ids::{ClientId, LeadSourceId};
use crate::domain::search::SearchQuery;
use crate::domain::validation::{FieldIssue, IssueCode, Issues};
use crate::domain::vehicle::Vehicle;
use crate::error::{ConflictReason, Error, Result};

/// The client list never renders more rows than this at once.
pub const MAX_SEARCH_LIMIT: u32 = 1000;

/// Everything the client card shows on one screen.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ClientCard {
    pub client: Client,
    pub vehicles: Vec<Vehicle>,
    pub consents: Vec<crate::domain::consent::ConsentState>,
    pub consent_log: Vec<crate::domain::consent::ConsentRecord>,
    /// The reminder channels the shop may use now, in the client's order.
    pub allowed_channels: Vec<crate::domain::client::ReminderChannel>,
    pub history: Vec<HistoryEntry>,
}

/// Search options of the client list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SearchOptions {
    pub limit: u32,
    /// Archived clients are left out unless asked for.
    pub include_archived: bool,
}

impl Remzona {
    pub(crate) fn today(&self) -> chrono::NaiveDate {
        self.now().date_naive()
    }

    /// All problems of a draft, for inline messages while the form is filled in.
    pub fn validate_client(&self, draft: &ClientDraft) -> Vec<FieldIssue> {
        match draft.validate(self.today()) {
            Ok(_) => Vec::new(),
            Err(issues) => issues.into_vec(),
        }
    }

    pub async fn create_client(
        &self,
        draft: &ClientDraft,
        duplicates: Duplicates,
    ) -> Result<Client> {
        let client = draft.validate(self.today())?;
        let id = ClientId::new();
        let mut tx = self.db.begin_write().await?;
        check_lead_source(&mut tx, &client).await?;
        refuse_duplicates(&mut tx, &client, None, duplicates).await?;
        store::insert(&mut tx, id, &client, self.now()).await?;
        history::append(
            &mut tx,
            id,
            self.now(),
            HistoryKind::ClientCreated,
            None,
            "",
        )
        .await?;
        tx.commit().await?;
        self.client(id).await
    }

    pub async fn update_client(
        &self,
        id: ClientId,
        draft: &ClientDraft,
        duplicates: Duplicates,
    ) -> Result<Client> {
        let client = draft.validate(self.today())?;
        let mut tx = self.db.begin_write().await?;
        store::refuse_merged(&mut tx, id).await?;
        check_lead_source(&mut tx, &client).await?;
        refuse_duplicates(&mut tx, &client, Some(id), duplicates).await?;
        store::update(&mut tx, id, &client, self.now()).await?;
        history::append(
            &mut tx,
            id,
            self.now(),
            HistoryKind::ClientUpdated,
            None,
            "",
        )
        .await?;
        tx.commit().await?;
        self.client(id).await
    }

    pub async fn client(&self, id: ClientId) -> Result<Client> {
        store::get(&mut *self.db.read().await?, id).await
    }

    pub async fn client_card(&self, id: ClientId) -> Result<ClientCard> {
        let mut conn = self.db.read().await?;
        let client = store::get(&mut conn, id).await?;
        let owner = ClientRef {
            id,
            kind: client.kind,
            display_name: client.display_name.clone(),
        };
        let vehicles = vehicles::of_client(&mut conn, &owner).await?;
        let consent_log = history::consents(&mut conn, id).await?;
        let consents = current_states(&consent_log);
        let allowed_channels = allowed_channels(&client.reminder_channels, &consents);
        let history = history::of_client(&mut conn, id).await?;
        Ok(ClientCard {
            client,
            vehicles,
            consents,
            consent_log,
            allowed_channels,
            history,
        })
    }

    /// Clients matching what the operator typed: a name in any case, a phone
    /// fragment in any format, a plate in either alphabet, a VIN or its tail,
    /// a company name or ИНН. Exact identifiers rank first.
    pub async fn search_clients(
        &self,
        query: &str,
        options: SearchOptions,
    ) -> Result<ClientSearchResult> {
        let limit = options.limit.clamp(1, MAX_SEARCH_LIMIT);
        let mut conn = self.db.read().await?;
        search::search(
            &mut conn,
            &SearchQuery::parse(query),
            limit,
            options.include_archived,
        )
        .await
    }

    pub async fn count_clients(&self) -> Result<i64> {
        store::count(&mut *self.db.read().await?).await
    }

    /// Archives a client: gone from lists and pickers, history kept.
    pub async fn archive_client(&self, id: ClientId, archived: bool) -> Result<Client> {
        let mut tx = self.db.begin_write().await?;
        store::refuse_merged(&mut tx, id).await?;
        let (at, kind) = if archived {
            (Some(self.now()), HistoryKind::ClientArchived)
        } else {
            (None, HistoryKind::ClientRestored)
        };
        store::set_archived(&mut tx, id, at, self.now()).await?;
        history::append(&mut tx, id, self.now(), kind, None, "").await?;
        tx.commit().await?;
        self.client(id).await
    }

    /// Merges `duplicate` into `keep` in one transaction: cars (with their
    /// ownership history), phones, contacts, tags, consents and history move;
    /// empty fields of `keep` are filled from `duplicate`; the duplicate stays
    /// as an archived record pointing at `keep`, so old references resolve.
    pub async fn merge_clients(&self, keep: ClientId, duplicate: ClientId) -> Result<Client> {
        if keep == duplicate {
            return Err(Error::Conflict(ConflictReason::MergeIntoItself));
        }
        let now = self.now();
        let mut tx = self.db.begin_write().await?;
        store::refuse_merged(&mut tx, keep).await?;
        store::refuse_merged(&mut tx, duplicate).await?;
        let kept = store::get(&mut tx, keep).await?;
        let gone = store::get(&mut tx, duplicate).await?;
        let merged = merged_client(&kept, &gone);
        let keep_seq = store::seq_of(&mut tx, keep).await?;
        let gone_seq = store::seq_of(&mut tx, duplicate).await?;
        move_records(&mut tx, keep, duplicate).await?;
        search::move_vehicle_terms(&mut tx, None, gone_seq, keep_seq).await?;
        search::drop_client_terms(&mut tx, gone_seq).await?;
        store::update(&mut tx, keep, &merged, now).await?;
        sqlx::query(
            "UPDATE clients SET merged_into = ?, archived_at = ?, updated_at = ? WHERE id = ?",
        )
        .bind(keep.to_string())
        .bind(now)
        .bind(now)
        .bind(duplicate.to_string())
        .execute(&mut *tx)
        .await?;
        history::append(
            &mut tx,
            keep,
            now,
            HistoryKind::ClientMerged,
            None,
            &gone.display_name,
        )
        .await?;
        tx.commit().await?;
        self.client(keep).await
    }

    pub async fn lead_sources(&self, with_archived: bool) -> Result<Vec<LeadSource>> {
        catalogue::lead_sources(&mut *self.db.read().await?, with_archived).await
    }

    pub async fn add_lead_source(&self, name: &str) -> Result<LeadSource> {
        let name = lead_source_name(name)?;
        let mut tx = self.db.begin_write().await?;
        let id = catalogue::add_lead_source(&mut tx, &name).await?;
        tx.commit().await?;
        Ok(LeadSource {
            id,
            name,
            archived: false,
        })
    }

    pub async fn rename_lead_source(&self, id: LeadSourceId, name: &str) -> Result<()> {
        let name = lead_source_name(name)?;
        let mut tx = self.db.begin_write().await?;
        if catalogue::lead_source_by_name(&mut tx, &name)
            .await?
            .is_some_and(|other| other != id)
        {
            let mut issues = Issues::default();
            issues.add("name", IssueCode::Repeated);
            return Err(issues.into());
        }
        catalogue::rename_lead_source(&mut tx, id, &name).await?;
        Ok(tx.commit().await?)
    }

    pub async fn archive_lead_source(&self, id: LeadSourceId, archived: bool) -> Result<()> {
        let mut tx = self.db.begin_write().await?;
        catalogue::archive_lead_source(&mut tx, id, archived).await?;
        Ok(tx.commit().await?)
    }

    /// Rebuilds the whole search index when the term rules changed (or it was
    /// never built), in one transaction.
    pub(crate) async fn refresh_search_index(&self) -> Result<()> {
        let mut tx = self.db.begin_write().await?;
        let version = catalogue::meta(&mut tx, "search_index").await?;
        if version.as_deref() == Some(search::INDEX_VERSION) {
            return Ok(());
        }
        sqlx::query("DELETE FROM search_terms")
            .execute(&mut *tx)
            .await?;
        for id in store::all_ids(&mut tx).await? {
            let client = store::get(&mut tx, id).await?;
            let seq = store::seq_of(&mut tx, id).await?;
            search::index_client(&mut tx, seq, &store::as_valid(&client)).await?;
            let owner = store::client_ref(&mut tx, id).await?;
            for car in vehicles::of_client(&mut tx, &owner).await? {
                let car_seq = vehicles::seq_of_vehicle(&mut tx, car.id).await?;
                search::index_vehicle(&mut tx, seq, car_seq, &vehicles::as_valid(&car)).await?;
            }
        }
        catalogue::set_meta(&mut tx, "search_index", search::INDEX_VERSION).await?;
        Ok(tx.commit().await?)
    }
}

fn lead_source_name(name: &str) -> Result<String> {
    let mut issues = Issues::default();
    let name = issues.line("name", name, 60);
    if name.is_empty() {
        issues.add("name", IssueCode::Required);
    }
    Ok(issues.into_result(name)?)
}

async fn check_lead_source(conn: &mut SqliteConnection, client: &ValidClient) -> Result<()> {
    if let Some(id) = client.lead_source_id
        && !catalogue::lead_source_exists(conn, id).await?
    {
        return Err(Error::not_found("lead source", id));
    }
    Ok(())
}

async fn refuse_duplicates(
    conn: &mut SqliteConnection,
    client: &ValidClient,
    except: Option<ClientId>,
    duplicates: Duplicates,
) -> Result<()> {
    if duplicates == Duplicates::Allow {
        return Ok(());
    }
    let found = store::find_duplicates(conn, client, except).await?;
    if found.is_empty() {
        Ok(())
    } else {
        Err(Error::Duplicates(found))
    }
}

/// Moves everything that hangs off `from` to `to`.
async fn move_records(conn: &mut SqliteConnection, to: ClientId, from: ClientId) -> Result<()> {
    let statements = [
        "UPDATE vehicles SET owner_id = ?1 WHERE owner_id = ?2",
        "UPDATE vehicle_owners SET client_id = ?1 WHERE client_id = ?2",
        "UPDATE consents SET client_id = ?1 WHERE client_id = ?2",
        "UPDATE client_events SET client_id = ?1 WHERE client_id = ?2",
        "UPDATE client_contacts SET client_id = ?1 WHERE client_id = ?2",
    ];
    for statement in statements {
        sqlx::query(statement)
            .bind(to.to_string())
            .bind(from.to_string())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The kept client with the gaps filled from the duplicate: phones, contacts
/// and tags are united; a field the kept client has is never overwritten.
fn merged_client(kept: &Client, gone: &Client) -> ValidClient {
    let mut merged = store::as_valid(kept);
    let other = store::as_valid(gone);
    for phone in other.phones {
        if !merged.phones.iter().any(|p| p.number == phone.number) {
            merged.phones.push(crate::domain::client::ClientPhone {
                primary: false,
                ..phone
            });
        }
    }
    merged.contacts.extend(other.contacts);
    for tag in other.tags {
        if !merged.tags.contains(&tag) {
            merged.tags.push(tag);
        }
    }
    fill(&mut merged.patronymic, other.patronymic);
    fill(&mut merged.address, other.address);
    merged.birth_date = merged.birth_date.or(other.birth_date);
    merged.email = merged.email.or(other.email);
    merged.lead_source_id = merged.lead_source_id.or(other.lead_source_id);
    merged.discount_percent = merged.discount_percent.max(other.discount_percent);
    merged.uses_telegram |= other.uses_telegram;
    merged.uses_viber |= other.uses_viber;
    if merged.reminder_channels.is_empty() {
        merged.reminder_channels = other.reminder_channels;
    }
    merge_company(&mut merged.company, other.company);
    if !other.notes.is_empty() && !merged.notes.contains(&other.notes) {
        merged.notes = [merged.notes.as_str(), other.notes.as_str()]
            .iter()
            .filter(|n| !n.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
    }
    merged
}

fn merge_company(kept: &mut crate::domain::client::Company, other: crate::domain::client::Company) {
    fill(&mut kept.full_name, other.full_name);
    fill(&mut kept.short_name, other.short_name);
    fill(&mut kept.inn, other.inn);
    fill(&mut kept.kpp, other.kpp);
    fill(&mut kept.ogrn, other.ogrn);
    fill(&mut kept.legal_address, other.legal_address);
    fill(&mut kept.postal_address, other.postal_address);
    if kept.bank_account.is_empty() {
        kept.bank_account = other.bank_account;
        kept.bank_name = other.bank_name;
        kept.bik = other.bik;
        kept.corr_account = other.corr_account;
    }
}

fn fill(field: &mut String, other: String) {
    if field.is_empty() {
        *field = other;
    }
}
