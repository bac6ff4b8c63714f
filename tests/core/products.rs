//! The nomenclature: the product window's rules, article spellings, analogues
//! by cross numbers, and the product search.

use remzona::domain::product::{
    Attribute, NumberKind, ProductDraft, ProductMatch, ProductNumber, ProductSearch,
};
use remzona::domain::quantity::Unit;
use remzona::domain::validation::IssueCode;
use remzona::{ErrorCode, Remzona};

use crate::open_shop;

pub fn part(name: &str, article: &str, brand: &str) -> ProductDraft {
    ProductDraft {
        name: name.to_owned(),
        article: article.to_owned(),
        brand: brand.to_owned(),
        purchase_price: "400".to_owned(),
        sale_price: "650".to_owned(),
        ..ProductDraft::default()
    }
}

fn cross(brand: &str, number: &str) -> ProductNumber {
    ProductNumber {
        kind: NumberKind::Cross,
        brand: brand.to_owned(),
        number: number.to_owned(),
    }
}

fn oem(brand: &str, number: &str) -> ProductNumber {
    ProductNumber {
        kind: NumberKind::Oem,
        ..cross(brand, number)
    }
}

pub async fn find(shop: &Remzona, query: &str) -> Vec<(String, ProductMatch)> {
    shop.search_products(&ProductSearch {
        query: query.to_owned(),
        ..ProductSearch::default()
    })
    .await
    .expect("search")
    .into_iter()
    .map(|item| {
        (
            format!("{} {}", item.brand.unwrap_or_default(), item.article),
            item.matched_by,
        )
    })
    .collect()
}

#[tokio::test]
async fn every_spelling_of_an_article_finds_the_product() {
    let s = open_shop().await;
    s.shop
        .create_product(&part("Фильтр масляный", "OC 90", "MAHLE"))
        .await
        .expect("create");
    for typed in ["OC 90", "oc-90", "OC90", "ос90", "oc.90", "OC/90", "oc9"] {
        let found = find(&s.shop, typed).await;
        assert_eq!(
            found.first().map(|f| f.0.as_str()),
            Some("MAHLE OC 90"),
            "{typed}"
        );
    }
    assert!(find(&s.shop, "OC 91").await.is_empty());
}

#[tokio::test]
async fn a_cross_number_finds_every_analogue() {
    let s = open_shop().await;
    let mahle = ProductDraft {
        numbers: vec![
            cross("MANN-FILTER", "W 712/73"),
            oem("VAG", "030 115 561 AN"),
        ],
        ..part("Фильтр масляный", "OC 90", "MAHLE")
    };
    let mann = ProductDraft {
        numbers: vec![cross("MAHLE", "OC 90"), oem("VAG", "030115561AN")],
        ..part("Фильтр масляный", "W 712/73", "MANN-FILTER")
    };
    let bosch = ProductDraft {
        numbers: vec![oem("VAG", "030-115-561-AN")],
        ..part("Фильтр масляный", "0 451 103 316", "BOSCH")
    };
    for draft in [&mahle, &mann, &bosch] {
        s.shop.create_product(draft).await.expect("create");
    }
    s.shop
        .create_product(&part("Фильтр воздушный", "LX 1566", "MAHLE"))
        .await
        .expect("create");

    let by_mann_number = find(&s.shop, "w71273").await;
    assert_eq!(
        by_mann_number,
        vec![
            ("MANN-FILTER W 712/73".to_owned(), ProductMatch::Article),
            ("MAHLE OC 90".to_owned(), ProductMatch::Cross),
        ],
        "its own article first, then the analogue"
    );
    let by_oem: Vec<String> = find(&s.shop, "030115561AN")
        .await
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert_eq!(
        by_oem.len(),
        3,
        "all three share the VAG number: {by_oem:?}"
    );

    let items = s
        .shop
        .search_products(&ProductSearch {
            query: "W 712/73".into(),
            ..ProductSearch::default()
        })
        .await
        .expect("search");
    assert_eq!(
        items[1].matched_number.as_deref(),
        Some("MANN-FILTER W 712/73")
    );
}

#[tokio::test]
async fn names_brands_and_characteristics_are_searched_by_word_beginnings() {
    let s = open_shop().await;
    let oil = ProductDraft {
        unit: Unit::Litre,
        attributes: vec![Attribute {
            name: "Вязкость".into(),
            value: "5W-30".into(),
        }],
        ..part(
            "Масло моторное синтетическое (розлив)",
            "LUK-5W30-200",
            "Лукойл",
        )
    };
    s.shop.create_product(&oil).await.expect("oil");
    s.shop
        .create_product(&part("Свеча зажигания", "BKR6E-11", "NGK"))
        .await
        .expect("plug");
    for query in [
        "масло",
        "МАСЛ СИНТ",
        "лукойл масло",
        "5w30",
        "5W-30",
        "синтетическое 5w",
    ] {
        let found = find(&s.shop, query).await;
        assert_eq!(found.len(), 1, "{query}: {found:?}");
        assert_eq!(found[0].0, "Лукойл LUK-5W30-200", "{query}");
    }
    assert!(find(&s.shop, "масло ngk").await.is_empty());
    let list = s
        .shop
        .search_products(&ProductSearch::default())
        .await
        .expect("list");
    let names: Vec<&str> = list.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        ["Масло моторное синтетическое (розлив)", "Свеча зажигания"]
    );
}

#[tokio::test]
async fn one_article_may_belong_to_two_brands_but_not_twice_to_one() {
    let s = open_shop().await;
    let first = s
        .shop
        .create_product(&part("Колодки тормозные", "1234", "TRW"))
        .await
        .expect("first");
    s.shop
        .create_product(&part("Колодки тормозные", "1234", "Ferodo"))
        .await
        .expect("another brand is another product");
    let error = s
        .shop
        .create_product(&part("Колодки передние", "12-34", "trw"))
        .await
        .expect_err("same brand, same article");
    assert_eq!(error.code(), ErrorCode::Validation);
    let issue = &error.issues()[0];
    assert_eq!(
        (issue.field.as_str(), issue.issue),
        ("article", IssueCode::Taken)
    );
    assert_eq!(issue.detail.as_deref(), Some(first.id.to_string().as_str()));
    // Saving the product itself again is no clash.
    s.shop
        .update_product(first.id, &part("Колодки тормозные передние", "1234", "TRW"))
        .await
        .expect("update keeps its own article");
}

#[tokio::test]
async fn the_product_window_round_trips_and_archives() {
    let s = open_shop().await;
    let draft = ProductDraft {
        unit: Unit::Litre,
        markup_percent: "30".into(),
        sale_price: String::new(),
        purchase_price: "450,99".into(),
        min_stock: "20".into(),
        barcodes: vec!["4607071810048".into()],
        attributes: vec![Attribute {
            name: "Вязкость".into(),
            value: "10W-40".into(),
        }],
        numbers: vec![oem("LADA", "21080-1012005-08")],
        category_id: Some(remzona::domain::ids::CategoryId(101)),
        ..part("Масло моторное полусинтетическое", "ЛК-10W40", "Лукойл")
    };
    let created = s.shop.create_product(&draft).await.expect("create");
    assert_eq!(
        created.price.map(|p| p.kopecks()),
        Some(58_629),
        "450,99 + 30 %"
    );
    assert_eq!(created.markup_basis_points, Some(3000));
    assert_eq!(
        created.category.as_ref().map(|c| c.path.as_str()),
        Some("Масла и технические жидкости / Моторные масла")
    );
    assert_eq!(created.barcodes, ["4607071810048"]);
    assert_eq!(created.numbers[0].number, "21080-1012005-08");
    let found = find(&s.shop, "4607071810048").await;
    assert_eq!(found[0].1, ProductMatch::Barcode);

    s.shop
        .archive_product(created.id, true)
        .await
        .expect("archive");
    assert!(find(&s.shop, "ЛК-10W40").await.is_empty());
    let with_archive = s
        .shop
        .search_products(&ProductSearch {
            query: "лк10w40".into(),
            include_archived: true,
            ..ProductSearch::default()
        })
        .await
        .expect("search");
    assert!(with_archive[0].archived);
}

#[tokio::test]
async fn bad_input_names_the_fields_to_fix() {
    let s = open_shop().await;
    let bad = ProductDraft {
        name: " ".into(),
        purchase_price: "12,345".into(),
        min_stock: "2,5".into(),
        barcodes: vec!["4607071810042".into()],
        ..ProductDraft::default()
    };
    let error = s.shop.create_product(&bad).await.expect_err("invalid");
    let fields: Vec<(&str, IssueCode)> = error
        .issues()
        .iter()
        .map(|i| (i.field.as_str(), i.issue))
        .collect();
    assert_eq!(
        fields,
        [
            ("name", IssueCode::Required),
            ("barcodes.0", IssueCode::BarcodeChecksum),
            ("purchasePrice", IssueCode::NumberInvalid),
            ("minStock", IssueCode::FractionNotAllowed),
        ]
    );
    assert_eq!(s.shop.validate_product(&bad).len(), 4);
}

#[tokio::test]
async fn categories_filter_their_whole_subtree() {
    let s = open_shop().await;
    let filter = ProductDraft {
        category_id: Some(remzona::domain::ids::CategoryId(201)),
        ..part("Фильтр масляный", "OC 90", "MAHLE")
    };
    s.shop.create_product(&filter).await.expect("filter");
    s.shop
        .create_product(&part("Свеча", "BKR6E", "NGK"))
        .await
        .expect("plug");
    let in_filters = s
        .shop
        .search_products(&ProductSearch {
            category_id: Some(remzona::domain::ids::CategoryId(2)),
            ..ProductSearch::default()
        })
        .await
        .expect("list");
    assert_eq!(in_filters.len(), 1);
    assert_eq!(in_filters[0].article, "OC 90");
    let id = s
        .shop
        .add_category(Some(remzona::domain::ids::CategoryId(2)), "Фильтры АКПП")
        .await
        .expect("add");
    let paths: Vec<String> = s
        .shop
        .categories(false)
        .await
        .expect("categories")
        .into_iter()
        .filter(|c| c.id == id)
        .map(|c| c.path)
        .collect();
    assert_eq!(paths, ["Фильтры / Фильтры АКПП"]);
}
