//! The price list: prices by hours at the category's or the shop's rate,
//! fixed prices, durations, skills, codes, packages.

use remzona::domain::ids::ServiceCategoryId;
use remzona::domain::pricelist::{
    PackageDraft, PackageProductDraft, ServiceCategoryDraft, ServiceDraft, ServiceSearch,
};
use remzona::domain::validation::IssueCode;

use crate::open_shop;
use crate::products::part;

const MAINTENANCE: ServiceCategoryId = ServiceCategoryId(2);
const DIAGNOSTICS: ServiceCategoryId = ServiceCategoryId(1);

fn work(code: &str, name: &str, hours: &str) -> ServiceDraft {
    ServiceDraft {
        code: code.into(),
        name: name.into(),
        category_id: Some(MAINTENANCE),
        standard_hours: hours.into(),
        ..ServiceDraft::default()
    }
}

#[tokio::test]
async fn prices_follow_the_hours_and_the_rates() {
    let s = open_shop().await;
    let oil = s
        .shop
        .create_service(&work("ТО-01", "Замена масла в двигателе", "0,5"))
        .await
        .expect("create");
    assert_eq!(oil.price.kopecks(), 125_000, "0,5 × 2 500 ₽");
    assert_eq!(oil.duration_minutes, 30);
    assert_eq!(oil.skills.len(), 1);

    s.shop.set_hourly_rate("3 000").await.expect("rate");
    assert_eq!(
        s.shop.service(oil.id).await.expect("get").price.kopecks(),
        150_000
    );

    s.shop
        .save_service_category(
            Some(MAINTENANCE),
            &ServiceCategoryDraft {
                name: "Техническое обслуживание".into(),
                hourly_rate: "2 200".into(),
            },
        )
        .await
        .expect("category rate");
    let oil = s.shop.service(oil.id).await.expect("get");
    assert_eq!(oil.price.kopecks(), 110_000, "the category's own rate wins");
    assert_eq!(oil.hourly_rate.kopecks(), 220_000);

    let diagnostics = s
        .shop
        .create_service(&ServiceDraft {
            category_id: Some(DIAGNOSTICS),
            price: "1 500".into(),
            duration_minutes: "45".into(),
            extra_skills: vec![ServiceCategoryId(7)],
            ..work("ДИАГ-01", "Компьютерная диагностика", "")
        })
        .await
        .expect("fixed price");
    assert_eq!(diagnostics.price.kopecks(), 150_000);
    assert_eq!(diagnostics.duration_minutes, 45);
    let skills: Vec<&str> = diagnostics.skills.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(skills, ["Диагностика", "Электрика"]);
}

#[tokio::test]
async fn codes_are_unique_and_search_finds_words_and_codes() {
    let s = open_shop().await;
    s.shop
        .create_service(&work("ТО-01", "Замена масла в двигателе", "0,5"))
        .await
        .expect("oil");
    s.shop
        .create_service(&work("ТО-02", "Замена воздушного фильтра", "0,3"))
        .await
        .expect("filter");
    let taken = s
        .shop
        .create_service(&work("то 01", "Другое", "1"))
        .await
        .expect_err("code taken");
    assert_eq!(taken.issues()[0].issue, IssueCode::Taken);
    let search = |query: &str| ServiceSearch {
        query: query.into(),
        ..ServiceSearch::default()
    };
    let names = |list: Vec<remzona::domain::pricelist::Service>| {
        list.into_iter().map(|s| s.code).collect::<Vec<_>>()
    };
    assert_eq!(
        names(s.shop.search_services(&search("замен")).await.expect("q")),
        ["ТО-02", "ТО-01"]
    );
    assert_eq!(
        names(
            s.shop
                .search_services(&search("масл зам"))
                .await
                .expect("q")
        ),
        ["ТО-01"]
    );
    assert_eq!(
        names(s.shop.search_services(&search("то02")).await.expect("q")),
        ["ТО-02"]
    );
    let missing = s
        .shop
        .create_service(&ServiceDraft::default())
        .await
        .expect_err("empty");
    assert_eq!(missing.issues().len(), 4);
}

#[tokio::test]
async fn a_package_adds_up_its_services_and_parts() {
    let s = open_shop().await;
    let oil_change = s
        .shop
        .create_service(&work("ТО-01", "Замена масла в двигателе", "0,5"))
        .await
        .expect("service");
    let inspection = s
        .shop
        .create_service(&work("ТО-03", "Осмотр подвески", "0,4"))
        .await
        .expect("service");
    let filter = s
        .shop
        .create_product(&part("Фильтр масляный", "OC 90", "MAHLE"))
        .await
        .expect("filter");
    let draft = PackageDraft {
        code: "ТО-1".into(),
        name: "ТО-1: масло, фильтр, осмотр".into(),
        services: vec![oil_change.id, inspection.id, oil_change.id],
        products: vec![PackageProductDraft {
            product_id: filter.id,
            quantity: "1".into(),
        }],
    };
    let package = s.shop.create_package(&draft).await.expect("package");
    assert_eq!(package.services.len(), 2, "a repeated service is kept once");
    // 1 250 + 1 000 + 650.
    assert_eq!(package.price.kopecks(), 290_000);
    assert_eq!(package.duration_minutes, 60);
    let bad = PackageDraft {
        products: vec![PackageProductDraft {
            product_id: filter.id,
            quantity: "0,5".into(),
        }],
        ..draft.clone()
    };
    let error = s
        .shop
        .update_package(package.id, &bad)
        .await
        .expect_err("half a filter");
    assert_eq!(error.issues()[0].field, "products.0.quantity");
    assert!(
        s.shop.create_package(&draft).await.is_err(),
        "the code is taken"
    );
    assert_eq!(s.shop.packages(false).await.expect("list").len(), 1);
}
