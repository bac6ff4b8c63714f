use std::sync::Arc;

use remzona::domain::client::Duplicates;
use remzona::{Remzona, SystemClock};

use crate::open_shop;

fn plan(clients: usize) -> remzona::demo::SeedPlan {
    remzona::demo::SeedPlan {
        clients,
        seed: remzona::demo::SeedPlan::DEFAULT_SEED,
    }
}

#[tokio::test]
async fn a_reopened_database_keeps_its_data_and_schema() {
    let t = open_shop().await;
    let path = t.shop.db().path().to_path_buf();
    let version = t.shop.db().schema_version().await.expect("version");
    assert!(version > 0);
    let drafts = remzona::demo::client_drafts(3, 1);
    for d in &drafts {
        t.shop
            .create_client(d, Duplicates::Refuse)
            .await
            .expect("created");
    }
    t.shop.close().await;

    let again = Remzona::open(&path, Arc::new(SystemClock))
        .await
        .expect("reopen");
    assert_eq!(again.db().schema_version().await.expect("version"), version);
    assert_eq!(again.count_clients().await.expect("count"), 3);
}

#[tokio::test]
async fn backup_is_a_complete_copy_and_never_overwrites() {
    let t = open_shop().await;
    assert_eq!(
        t.shop.seed_demo(plan(25)).await.expect("seed"),
        remzona::demo::SeedOutcome::Added {
            clients: 25,
            vehicles: 28
        }
    );
    let out = t.dir.path().join("backups").join("copy.sqlite3");
    t.shop.backup(&out).await.expect("backup");

    let copy = Remzona::open(&out, Arc::new(SystemClock))
        .await
        .expect("open copy");
    assert_eq!(copy.count_clients().await.expect("count"), 25);
    let error = t.shop.backup(&out).await.expect_err("exists");
    assert_eq!(error.code(), remzona::ErrorCode::Io);
}

#[tokio::test]
async fn seeding_twice_never_mixes_demo_into_existing_data() {
    let t = open_shop().await;
    assert_eq!(
        t.shop.seed_demo(plan(10)).await.expect("seed"),
        remzona::demo::SeedOutcome::Added {
            clients: 10,
            vehicles: 8
        }
    );
    assert_eq!(
        t.shop.seed_demo(plan(10)).await.expect("seed"),
        remzona::demo::SeedOutcome::SkippedNotEmpty(10)
    );
    assert_eq!(t.shop.count_clients().await.expect("count"), 10);
}

#[tokio::test]
async fn the_demo_shop_has_a_history_of_closed_paid_orders_the_same_for_the_same_seed() {
    use remzona::domain::order::snapshot::DocumentKind;
    use remzona::domain::order::status::OrderStatus;

    async fn history(shop: &Remzona) -> Vec<(String, String, String, String)> {
        let orders = shop.repair_orders(None, 500).await.expect("orders");
        let mut debts = 0;
        for order in &orders {
            assert_eq!(order.status, OrderStatus::Issued, "{}", order.number);
            assert!(!order.works.is_empty(), "{}", order.number);
            assert!(!order.payments.is_empty(), "{}", order.number);
            if order.balance.debt.kopecks() > 0 {
                debts += 1;
            }
            let kinds: Vec<DocumentKind> = shop
                .issued_documents(order.id)
                .await
                .expect("documents")
                .iter()
                .map(|d| d.kind)
                .collect();
            for kind in [
                DocumentKind::Acceptance,
                DocumentKind::Order,
                DocumentKind::Completion,
            ] {
                assert!(kinds.contains(&kind), "{} lacks {kind:?}", order.number);
            }
        }
        assert!((1..=2).contains(&debts), "{debts} orders with a debt");
        // Each order happened at its visit: taken in when the visit began,
        // handed over when it ended, over the past weeks rather than today.
        let days: std::collections::BTreeSet<_> =
            orders.iter().map(|o| o.accepted_at.date_naive()).collect();
        assert!(days.len() >= 5, "orders on {} days only", days.len());
        for order in &orders {
            let issued = order.issued_at.expect("issued");
            assert!(issued > order.accepted_at, "{}", order.number);
        }
        orders
            .iter()
            .map(|o| {
                (
                    o.number.clone(),
                    o.client.display_name.clone(),
                    o.totals.total().to_string(),
                    o.balance.paid.to_string(),
                )
            })
            .collect()
    }

    let first = open_shop().await;
    first.shop.seed_demo(plan(60)).await.expect("seed");
    let second = open_shop().await;
    second.shop.seed_demo(plan(60)).await.expect("seed");
    let one = history(&first.shop).await;
    assert!(one.len() >= 10, "{} closed orders", one.len());
    assert_eq!(one, history(&second.shop).await);
    assert!(
        !first
            .shop
            .shop_requisites()
            .await
            .expect("shop")
            .inn
            .is_empty()
    );
}
