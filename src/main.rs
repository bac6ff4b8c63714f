//! `remzona`: the command line of the core, for set-up and maintenance.
//!
//! ```text
//! remzona [--db PATH] migrate
//! remzona [--db PATH] seed --clients N [--seed S]
//! remzona [--db PATH] seed --products N [--seed S]
//! remzona [--db PATH] find QUERY…
//! remzona [--db PATH] import clients FILE
//! remzona [--db PATH] export clients --format csv|xlsx [--out FILE]
//! remzona [--db PATH] import products FILE [--dry-run]
//! remzona [--db PATH] export products --format csv|xlsx [--out FILE]
//! remzona [--db PATH] find-product QUERY… [--limit N]
//! remzona [--db PATH] backup --out FILE
//! remzona [--db PATH] reminders run [--dry-run] [--now TIME] [--config FILE]
//! remzona [--db PATH] orders list
//! remzona [--db PATH] document render --order N --kind KIND --out FILE.pdf
//! remzona [--db PATH] document render --sale NUMBER --out FILE.pdf
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use std::process::ExitCode;
use std::sync::Arc;

use remzona::clients::SearchOptions;
use remzona::demo::catalogue::CatalogueOutcome;
use remzona::demo::{SeedOutcome, SeedPlan};
use remzona::domain::ids::StockDocId;
use remzona::domain::order::snapshot::DocumentKind;
use remzona::domain::product::{ProductMatch, ProductSearch};
use remzona::domain::validation::IssueCode;
use remzona::import::ExportFormat;
use remzona::reminders::config::ReminderConfig;
use remzona::reminders::dispatcher::Dispatcher;
use remzona::reminders::gateways::Timeouts;
use remzona::reminders::secrets::Keychain;
use remzona::{Remzona, ShiftedClock, SystemClock, paths};

const USAGE: &str = "\
Использование / Usage:
  remzona [--db PATH] migrate                    создать или обновить базу / create or upgrade the database
  remzona [--db PATH] seed --clients N [--seed S]
                                                 заполнить пустую базу демо-клиентами с машинами / fill an empty database with demo clients and their cars
                                                 (--demo --count N: то же / the same)
  remzona [--db PATH] seed --products N [--seed S]
                                                 заполнить пустую номенклатуру товарами с аналогами и прайс-лист работ /
                                                 fill an empty nomenclature with parts and their analogues, and the price list
  remzona [--db PATH] find QUERY…                лучшие совпадения: клиент, телефон, машина, госномер / best matches: client, phone, car, plate
  remzona [--db PATH] import clients FILE        загрузить клиентов с машинами из CSV или XLSX (всё или ничего) /
                                                 import clients with their cars from CSV or XLSX (all or nothing)
  remzona [--db PATH] export clients --format csv|xlsx [--out FILE]
                                                 выгрузить клиентов с машинами / export clients with their cars
  remzona [--db PATH] import products FILE [--dry-run]
                                                 загрузить товары из прайс-листа или каталога CSV/XLSX: новые добавить,
                                                 с тем же артикулом и брендом обновить (всё или ничего); --dry-run: только проверить /
                                                 import products from a CSV/XLSX price list or catalogue: add new ones, update those
                                                 with the same article and brand (all or nothing); --dry-run: only check the file
  remzona [--db PATH] export products --format csv|xlsx [--out FILE]
                                                 выгрузить номенклатуру / export the nomenclature
  remzona [--db PATH] find-product QUERY… [--limit N]
                                                 товары по артикулу, OEM- или кросс-номеру, штрихкоду или названию, с аналогами /
                                                 products by article, OEM or cross number, barcode or name, with analogues
  remzona [--db PATH] backup --out FILE          сохранить копию базы / write a backup copy
  remzona [--db PATH] reminders run [--dry-run] [--now TIME] [--config FILE]
                                                 один проход напоминаний: запланировать, отправить, проверить доставку;
                                                 --dry-run: только показать; --now «2026-11-27 10:00» (время мастерской);
                                                 --config: шлюзы из TOML-файла, секреты из переменных окружения /
                                                 one reminders pass: plan, send, poll delivery; --dry-run: only show;
                                                 --now: the shop's time to run at; --config: gateways from a TOML file,
                                                 secrets from environment variables
  remzona [--db PATH] orders list                заказ-наряды: номер, дата, клиент, машина, статус, сумма (через табуляцию) /
                                                 repair orders: number, date, client, car, status, total (tab separated)
  remzona [--db PATH] document render --order N --kind order|acceptance|completion|receipt|invoice --out FILE.pdf
                                                 напечатать документ заказ-наряда в PDF (N — номер заказа в году: 12 или ЗН-2026-000012);
                                                 выписать, если ещё не выписан, иначе последняя версия /
                                                 print an order's document to PDF (N is the order's number in its year: 12 or
                                                 ЗН-2026-000012); issue it if not yet issued, else the latest version
  remzona [--db PATH] document render --sale NUMBER --out FILE.pdf
                                                 товарный чек продажи со склада в PDF (NUMBER — номер документа ПР-26-00001
                                                 или его id) / a counter sale's товарный чек to PDF (NUMBER is the stock
                                                 document's number, ПР-26-00001, or its id)

По умолчанию база лежит в папке данных пользователя; переменная REMZONA_DB задаёт другой файл.
By default the database is in the user's data folder; REMZONA_DB names another file.";

const DEFAULT_DEMO_CLIENTS: usize = 60;
/// Lines `find-product` prints unless `--limit` says otherwise.
const DEFAULT_PRODUCT_LIMIT: u32 = 20;

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Migrate,
    SeedDemo {
        count: usize,
        seed: u64,
    },
    SeedProducts {
        count: usize,
        seed: u64,
    },
    Find {
        query: String,
    },
    Import {
        file: PathBuf,
    },
    Export {
        format: ExportFormat,
        out: Option<PathBuf>,
    },
    ImportProducts {
        file: PathBuf,
        dry_run: bool,
    },
    ExportProducts {
        format: ExportFormat,
        out: Option<PathBuf>,
    },
    FindProduct {
        query: String,
        limit: u32,
    },
    Backup {
        out: PathBuf,
    },
    Reminders {
        dry_run: bool,
        now: Option<NaiveDateTime>,
        config: Option<PathBuf>,
    },
    OrdersList,
    DocumentRender {
        order: OrderNumber,
        kind: DocumentKind,
        out: PathBuf,
    },
    /// `sale` as typed: the stock document's number or id.
    SaleReceipt {
        sale: String,
        out: PathBuf,
    },
    Help,
}

/// An order as the CLI names it: `12` (the newest order numbered 12) or
/// `ЗН-2026-000012` (that year's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct OrderNumber {
    year: Option<i32>,
    number: i64,
}

impl OrderNumber {
    fn parse(raw: &str) -> Option<OrderNumber> {
        let raw = raw.trim();
        if let Ok(number) = raw.parse::<i64>() {
            return (number > 0).then_some(OrderNumber { year: None, number });
        }
        let mut parts = raw.split('-');
        let series = parts.next()?;
        let year = parts.next()?.parse::<i32>().ok()?;
        let number = parts.next()?.parse::<i64>().ok()?;
        let series_ok = series.to_uppercase() == DocumentKind::Order.series();
        (series_ok && parts.next().is_none() && number > 0).then_some(OrderNumber {
            year: Some(year),
            number,
        })
    }

    /// Whether an order's printed number (`ЗН-2026-000012`) is this one.
    fn names(self, printed: &str) -> bool {
        OrderNumber::parse(printed).is_some_and(|found| {
            found.number == self.number && self.year.is_none_or(|year| found.year == Some(year))
        })
    }
}

#[derive(Debug, PartialEq, Eq)]
struct Invocation {
    db: Option<PathBuf>,
    command: Command,
}

fn parse(args: &[String]) -> Result<Invocation, String> {
    let mut db = None;
    let mut words = Vec::new();
    let mut demo = false;
    let mut products = None;
    let mut count = DEFAULT_DEMO_CLIENTS;
    let mut seed = SeedPlan::DEFAULT_SEED;
    let mut out = None;
    let mut format = None;
    let mut dry_run = false;
    let mut limit = None;
    let mut now = None;
    let mut config = None;
    let mut order = None;
    let mut kind = None;
    let mut sale = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |flag: &str| {
            iter.next().cloned().ok_or(format!(
                "после {flag} нужно значение / {flag} needs a value"
            ))
        };
        match arg.as_str() {
            "--db" => db = Some(PathBuf::from(value("--db")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--count" | "--clients" => {
                demo = true;
                count = whole_number(arg, &value(arg)?)?;
            }
            "--products" => products = Some(whole_number(arg, &value(arg)?)?),
            "--seed" => seed = whole_number(arg, &value(arg)?)?,
            "--format" => {
                format = Some(match value(arg)?.to_lowercase().as_str() {
                    "csv" => ExportFormat::Csv,
                    "xlsx" => ExportFormat::Xlsx,
                    other => {
                        return Err(format!(
                            "--format: csv или xlsx, а не «{other}» / --format: csv or xlsx, not {other:?}"
                        ));
                    }
                });
            }
            "--demo" => demo = true,
            "--dry-run" => dry_run = true,
            "--limit" => limit = Some(whole_number(arg, &value(arg)?)?),
            "--now" => now = Some(shop_time(&value(arg)?)?),
            "--config" => config = Some(PathBuf::from(value(arg)?)),
            "--order" => {
                let raw = value(arg)?;
                order = Some(OrderNumber::parse(&raw).ok_or(format!(
                    "--order ждёт номер заказа (12 или ЗН-2026-000012), а не «{raw}» / --order needs an order number (12 or ЗН-2026-000012), not {raw:?}"
                ))?);
            }
            "--kind" => {
                let raw = value(arg)?;
                kind = Some(DocumentKind::parse(&raw).ok_or(format!(
                    "--kind: order, acceptance, completion, receipt или invoice, а не «{raw}» / --kind: order, acceptance, completion, receipt or invoice, not {raw:?}"
                ))?);
            }
            "--sale" => sale = Some(value(arg)?.trim().to_owned()),
            "-h" | "--help" | "help" => words.push("help".to_owned()),
            other if other.starts_with('-') => {
                return Err(format!(
                    "неизвестный параметр {other} / unknown option {other}"
                ));
            }
            other => words.push(other.to_owned()),
        }
    }
    let command = match words.first().map(String::as_str) {
        None | Some("help") => Command::Help,
        Some("migrate") => Command::Migrate,
        Some("seed") if demo && products.is_some() => {
            return Err(
                "либо --clients, либо --products / either --clients or --products".to_owned(),
            );
        }
        Some("seed") if demo => Command::SeedDemo { count, seed },
        Some("seed") if products.is_some() => Command::SeedProducts {
            count: products.unwrap_or_default(),
            seed,
        },
        Some("seed") => {
            return Err(
                "укажите --clients N, --products N или --demo / say --clients N, --products N or --demo"
                    .to_owned(),
            );
        }
        Some("find") if words.len() > 1 => Command::Find {
            query: words[1..].join(" "),
        },
        Some("find") => {
            return Err("что искать? find QUERY / find what? find QUERY".to_owned());
        }
        Some("import") => match (words.get(1).map(String::as_str), words.get(2)) {
            (Some("clients"), Some(file)) => Command::Import {
                file: PathBuf::from(file),
            },
            (Some("products"), Some(file)) => Command::ImportProducts {
                file: PathBuf::from(file),
                dry_run,
            },
            (Some("products"), None) => {
                return Err(
                    "укажите файл: import products FILE / name the file: import products FILE"
                        .to_owned(),
                );
            }
            _ => {
                return Err(
                    "укажите файл: import clients FILE / name the file: import clients FILE"
                        .to_owned(),
                );
            }
        },
        Some("export") => match (words.get(1).map(String::as_str), format) {
            (Some("clients"), Some(format)) => Command::Export { format, out },
            (Some("products"), Some(format)) => Command::ExportProducts { format, out },
            (Some("products"), None) => {
                return Err(
                    "укажите формат: export products --format csv|xlsx / say the format: export products --format csv|xlsx"
                        .to_owned(),
                );
            }
            _ => {
                return Err(
                    "укажите формат: export clients --format csv|xlsx / say the format: export clients --format csv|xlsx"
                        .to_owned(),
                );
            }
        },
        Some("find-product") if words.len() > 1 => Command::FindProduct {
            query: words[1..].join(" "),
            limit: limit.unwrap_or(DEFAULT_PRODUCT_LIMIT),
        },
        Some("find-product") => {
            return Err(
                "что искать? find-product QUERY / find what? find-product QUERY".to_owned(),
            );
        }
        Some("backup") => match out {
            Some(out) => Command::Backup { out },
            None => {
                return Err(
                    "укажите файл: backup --out FILE / name the file: backup --out FILE".to_owned(),
                );
            }
        },
        Some("reminders") if words.get(1).map(String::as_str) == Some("run") => {
            Command::Reminders {
                dry_run,
                now: now.take(),
                config: config.take(),
            }
        }
        Some("reminders") => {
            return Err("reminders run — единственная команда напоминаний / reminders run is the one reminders command".to_owned());
        }
        Some("orders") if words.get(1).map(String::as_str) == Some("list") => Command::OrdersList,
        Some("orders") => {
            return Err(
                "orders list — единственная команда заказов / orders list is the one orders command"
                    .to_owned(),
            );
        }
        Some("document") if words.get(1).map(String::as_str) == Some("render") => {
            match (order.take(), kind.take(), sale.take(), out) {
                (Some(order), Some(kind), None, Some(out)) => {
                    Command::DocumentRender { order, kind, out }
                }
                (None, None, Some(sale), Some(out)) if !sale.is_empty() => {
                    Command::SaleReceipt { sale, out }
                }
                _ => {
                    return Err(
                        "укажите --order N --kind KIND --out FILE.pdf или --sale NUMBER --out FILE.pdf / say --order N --kind KIND --out FILE.pdf or --sale NUMBER --out FILE.pdf"
                            .to_owned(),
                    );
                }
            }
        }
        Some("document") => {
            return Err(
                "document render — единственная команда документов / document render is the one document command"
                    .to_owned(),
            );
        }
        Some(other) => {
            return Err(format!(
                "неизвестная команда {other} / unknown command {other}"
            ));
        }
    };
    if dry_run
        && !matches!(
            command,
            Command::ImportProducts { .. } | Command::Reminders { .. }
        )
    {
        return Err(
            "--dry-run бывает только у import products и reminders run / --dry-run is for import products and reminders run only"
                .to_owned(),
        );
    }
    if now.is_some() || config.is_some() {
        return Err(
            "--now и --config бывают только у reminders run / --now and --config are for reminders run only"
                .to_owned(),
        );
    }
    if order.is_some() || kind.is_some() || sale.is_some() {
        return Err(
            "--order, --kind и --sale бывают только у document render / --order, --kind and --sale are for document render only"
                .to_owned(),
        );
    }
    if limit.is_some() && !matches!(command, Command::FindProduct { .. }) {
        return Err(
            "--limit бывает только у find-product / --limit is for find-product only".to_owned(),
        );
    }
    Ok(Invocation { db, command })
}

/// `2026-11-27 10:00`, `2026-11-27T10:00:00`: the shop's wall-clock time.
fn shop_time(raw: &str) -> Result<NaiveDateTime, String> {
    ["%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(raw.trim(), format).ok())
        .ok_or_else(|| {
            format!("--now ждёт время вида «2026-11-27 10:00», а не «{raw}» / --now needs a time like 2026-11-27 10:00, not {raw:?}")
        })
}

fn whole_number<T: std::str::FromStr>(flag: &str, raw: &str) -> Result<T, String> {
    raw.parse().map_err(|_| {
        format!("{flag} ждёт целое число, а не «{raw}» / {flag} needs a whole number, not {raw:?}")
    })
}

async fn run(invocation: Invocation) -> remzona::Result<String> {
    let db_path = invocation.db.unwrap_or_else(paths::default_db_path);
    let shop = Remzona::open(&db_path, Arc::new(SystemClock)).await?;
    let message = match invocation.command {
        Command::Help => USAGE.to_owned(),
        Command::Migrate => {
            let version = shop.db().schema_version().await?;
            format!(
                "База готова / database ready: {} (schema {version})",
                db_path.display()
            )
        }
        Command::SeedDemo { count, seed } => match shop
            .seed_demo(SeedPlan {
                clients: count,
                seed,
            })
            .await?
        {
            SeedOutcome::Added { clients, vehicles } => format!(
                "Добавлено демо-клиентов: {clients}, автомобилей: {vehicles} / demo clients added: {clients}, cars: {vehicles}"
            ),
            SeedOutcome::SkippedNotEmpty(existing) => format!(
                "В базе уже есть клиенты ({existing}), демо-данные не добавлены / the database already has {existing} clients; demo data not added"
            ),
        },
        Command::SeedProducts { count, seed } => match shop.seed_catalogue(count, seed).await? {
            CatalogueOutcome::Added {
                products,
                services,
                packages,
            } => format!(
                "Добавлено товаров: {products}, работ: {services}, пакетов: {packages} / products added: {products}, services: {services}, packages: {packages}"
            ),
            CatalogueOutcome::SkippedNotEmpty(existing) => format!(
                "В номенклатуре уже есть товары ({existing}), ничего не добавлено / the nomenclature already has {existing} products; nothing added"
            ),
        },
        Command::Find { query } => find(&shop, &query).await?,
        Command::Import { file } => import(&shop, &file).await?,
        Command::Export { format, out } => {
            let out = out.unwrap_or_else(|| {
                PathBuf::from(match format {
                    ExportFormat::Csv => "clients.csv",
                    ExportFormat::Xlsx => "clients.xlsx",
                })
            });
            let rows = shop.export_clients(&out, format).await?;
            format!("Выгружено строк / rows written: {rows} → {}", out.display())
        }
        Command::ImportProducts { file, dry_run } => import_products(&shop, &file, dry_run).await?,
        Command::ExportProducts { format, out } => {
            let out = out.unwrap_or_else(|| {
                PathBuf::from(match format {
                    ExportFormat::Csv => "products.csv",
                    ExportFormat::Xlsx => "products.xlsx",
                })
            });
            let rows = shop.export_products(&out, format).await?;
            format!(
                "Выгружено товаров / products written: {rows} → {}",
                out.display()
            )
        }
        Command::FindProduct { query, limit } => find_product(&shop, &query, limit).await?,
        Command::Backup { out } => {
            shop.backup(&out).await?;
            format!("Копия сохранена / backup written: {}", out.display())
        }
        Command::Reminders {
            dry_run,
            now,
            config,
        } => return reminders_run(shop, &db_path, dry_run, now, config.as_deref()).await,
        Command::OrdersList => orders_list(&shop).await?,
        Command::DocumentRender { order, kind, out } => {
            document_render(&shop, order, kind, &out).await?
        }
        Command::SaleReceipt { sale, out } => sale_receipt(&shop, &sale, &out).await?,
    };
    shop.close().await;
    Ok(message)
}

/// How many recent orders `orders list` and `document render` look through.
const ORDER_LOOKUP_LIMIT: u32 = 500;

/// One line per order, newest first, tab-separated for scripts: number, the
/// day it was taken (shop time), client, car, status, total.
async fn orders_list(shop: &Remzona) -> remzona::Result<String> {
    let zone = shop.shop_zone().await?;
    let orders = shop.repair_orders(None, ORDER_LOOKUP_LIMIT).await?;
    if orders.is_empty() {
        return Ok("Заказ-нарядов нет / no repair orders".to_owned());
    }
    let lines: Vec<String> = orders
        .iter()
        .map(|o| {
            let car = &o.vehicle;
            let plate = car.plate.as_deref().or(car.vin.as_deref()).unwrap_or("");
            [
                o.number.clone(),
                zone.to_local(o.accepted_at).format("%d.%m.%Y").to_string(),
                o.client.display_name.clone(),
                format!("{} {} {plate}", car.make, car.model)
                    .trim()
                    .to_owned(),
                o.status.as_str().to_owned(),
                o.totals.total().to_string(),
            ]
            .join("\t")
        })
        .collect();
    Ok(lines.join("\n"))
}

/// Writes the order's document of `kind` to `out`: issued now when the
/// order has none of that kind yet, else its latest version.
async fn document_render(
    shop: &Remzona,
    order: OrderNumber,
    kind: DocumentKind,
    out: &Path,
) -> remzona::Result<String> {
    let orders = shop.repair_orders(None, ORDER_LOOKUP_LIMIT).await?;
    let Some(found) = orders.iter().find(|o| order.names(&o.number)) else {
        return Err(remzona::Error::NotFound {
            entity: "repair order",
            id: order.number.to_string(),
        });
    };
    let latest = shop
        .issued_documents(found.id)
        .await?
        .into_iter()
        .rfind(|d| d.kind == kind);
    let (issued, fresh) = match latest {
        Some(issued) => (issued, false),
        None => (shop.issue_document(found.id, kind).await?, true),
    };
    let pdf = shop.render_issued_document(issued.id).await?;
    std::fs::write(out, pdf)?;
    let how = if fresh {
        "выписан / issued"
    } else {
        "из выписанного / as issued"
    };
    Ok(format!(
        "{} № {} (версия / version {}, {how}) → {}",
        kind.title_ru(),
        issued.number,
        issued.version,
        out.display()
    ))
}

/// Writes the товарный чек of the counter sale named by its stock
/// document's number (`ПР-26-00001`) or id to `out`.
async fn sale_receipt(shop: &Remzona, sale: &str, out: &Path) -> remzona::Result<String> {
    let doc = match sale.parse::<StockDocId>() {
        Ok(id) => id,
        Err(_) => shop.stock_document_id(&sale.to_uppercase()).await?,
    };
    let pdf = shop.render_sale_receipt(doc).await?;
    std::fs::write(out, pdf)?;
    let number = shop.stock_document(doc).await?.number;
    Ok(format!("Товарный чек № {number} → {}", out.display()))
}

/// One line per match, tab-separated for scripts: name, primary phone, the
/// matched (or first) car and its plate, why it matched.
/// One reminders pass, at `now` (the shop's time) when given, through the
/// gateways of `config` or else those set up in the app (secrets from the
/// keychain).
async fn reminders_run(
    shop: Remzona,
    db_path: &Path,
    dry_run: bool,
    now: Option<NaiveDateTime>,
    config: Option<&Path>,
) -> remzona::Result<String> {
    let shop = match now {
        Some(local) => {
            let start = shop.shop_zone().await?.to_utc(local);
            shop.close().await;
            Remzona::open(db_path, Arc::new(ShiftedClock::starting_at(start))).await?
        }
        None => shop,
    };
    let gateways = match config {
        Some(file) => ReminderConfig::read(file)?.gateways(Timeouts::default())?,
        None => {
            shop.enabled_gateways(&Keychain::for_database(db_path), Timeouts::default())
                .await?
        }
    };
    let dispatcher = Dispatcher::new(gateways);
    if dry_run {
        let found = dispatcher.dry_run(&shop).await?;
        let mut lines = vec![format!(
            "Пробный проход, ничего не записано и не отправлено / dry run, nothing written or sent\n\
             Запланировалось бы сообщений: {}, звонков: {}, отменилось бы: {} / would plan messages: {}, calls: {}, cancel: {}",
            found.planned.messages,
            found.planned.calls,
            found.planned.cancelled,
            found.planned.messages,
            found.planned.calls,
            found.planned.cancelled,
        )];
        for (id, channel, recipient, text) in found.due {
            lines.push(format!("  #{id} {channel} → {recipient}: {text}"));
        }
        return Ok(lines.join("\n"));
    }
    let report = dispatcher.run_pass(&shop).await?;
    Ok(format!(
        "Напоминания / reminders: запланировано {} (planned), звонков {} (calls), отменено {} (cancelled), \
         восстановлено {} (recovered), отправлено {} (sent), повтор позже {} (retry later), \
         не удалось {} (failed), доставлено {} (delivered)",
        report.planned,
        report.calls,
        report.cancelled,
        report.recovered,
        report.sent,
        report.retried,
        report.failed,
        report.delivered,
    ))
}

async fn find(shop: &Remzona, query: &str) -> remzona::Result<String> {
    let options = SearchOptions {
        limit: 20,
        include_archived: true,
    };
    let found = shop.search_clients(query, options).await?;
    if found.items.is_empty() {
        return Ok(format!("Ничего не найдено / nothing found: {query}"));
    }
    let mut lines: Vec<String> = found
        .items
        .iter()
        .map(|item| {
            let car = item
                .matched_vehicle
                .and_then(|id| item.vehicles.iter().find(|v| v.id == id))
                .or(item.vehicles.first());
            let car_text = car.map_or(String::new(), |v| format!("{} {}", v.make, v.model));
            let plate = car
                .and_then(|v| v.plate.as_ref().or(v.vin.as_ref()))
                .cloned();
            let why = item
                .matched_by
                .map_or(String::new(), |m| format!("{m:?}").to_lowercase());
            [
                item.display_name.clone(),
                item.primary_phone.clone().unwrap_or_default(),
                car_text.trim().to_owned(),
                plate.unwrap_or_default(),
                why,
            ]
            .join("\t")
        })
        .collect();
    lines.push(format!("Найдено / found: {}", found.total));
    Ok(lines.join("\n"))
}

async fn import(shop: &Remzona, file: &std::path::Path) -> remzona::Result<String> {
    let report = shop.run_import(file, None, &|_| {}).await?;
    let plan = &report.plan;
    let mut lines: Vec<String> = plan
        .duplicates
        .iter()
        .map(|d| {
            format!(
                "строка {} / line {}: {:?} {} — уже есть / already on record: {}",
                d.line,
                d.line,
                d.duplicate.field,
                d.duplicate.value,
                d.duplicate.existing.display_name
            )
        })
        .collect();
    if !report.imported {
        lines.extend(plan.problems.iter().map(|p| {
            let (ru, en) = issue_text(p.issue);
            format!(
                "строка {} / line {}, «{}» {:?}: {ru} / {en}",
                p.line, p.line, p.column, p.value
            )
        }));
        lines.push(format!(
            "В файле ошибок: {n}. Ничего не загружено — исправьте файл и повторите. / {n} problems in the file; nothing was imported: fix the file and run again.",
            n = plan.problems.len()
        ));
        return Err(remzona::Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            lines.join("\n"),
        )));
    }
    lines.push(format!(
        "Загружено клиентов: {}, автомобилей: {}; пропущено дублей: {} / imported clients: {}, cars: {}; duplicates skipped: {}",
        plan.clients, plan.vehicles, plan.duplicates.len(), plan.clients, plan.vehicles, plan.duplicates.len()
    ));
    Ok(lines.join("\n"))
}

/// Checks the file and, unless `dry_run`, imports it. A file with problems
/// lists them and is an error (exit code 1): nothing is written.
async fn import_products(
    shop: &Remzona,
    file: &std::path::Path,
    dry_run: bool,
) -> remzona::Result<String> {
    let plan = if dry_run {
        shop.preview_product_import(file, None).await?.plan
    } else {
        let report = shop.run_product_import(file, None, |_| {}).await?;
        if report.imported {
            let plan = report.plan;
            return Ok(format!(
                "Создано товаров: {}, обновлено: {} / products created: {}, updated: {}",
                plan.create, plan.update, plan.create, plan.update
            ));
        }
        report.plan
    };
    let mut lines: Vec<String> = plan
        .problems
        .iter()
        .map(|p| {
            let (ru, en) = issue_text(p.issue);
            let limit = p.max.map_or(String::new(), |max| format!(" ({max})"));
            format!(
                "строка {} / line {}, «{}» {:?}: {ru}{limit} / {en}{limit}",
                p.line, p.line, p.column, p.value
            )
        })
        .collect();
    if lines.is_empty() {
        return Ok(format!(
            "Файл в порядке: будет создано: {}, обновлено: {} (ничего не записано) / the file is fine: {} to create, {} to update (nothing written)",
            plan.create, plan.update, plan.create, plan.update
        ));
    }
    lines.push(format!(
        "В файле ошибок: {n}. Ничего не загружено — исправьте файл и повторите. / {n} problems in the file; nothing was imported: fix the file and run again.",
        n = plan.problems.len()
    ));
    Err(remzona::Error::Io(std::io::Error::new(
        std::io::ErrorKind::InvalidData,
        lines.join("\n"),
    )))
}

/// One line per product, tab-separated for scripts: article, brand, name,
/// on hand with its unit, price, and the number an analogue was found by.
async fn find_product(shop: &Remzona, query: &str, limit: u32) -> remzona::Result<String> {
    let found = shop
        .search_products(&ProductSearch {
            query: query.to_owned(),
            limit,
            ..ProductSearch::default()
        })
        .await?;
    if found.is_empty() {
        return Ok(format!("Ничего не найдено / nothing found: {query}"));
    }
    let mut lines: Vec<String> = found
        .iter()
        .map(|item| {
            let why = match item.matched_by {
                ProductMatch::Oem | ProductMatch::Cross => format!(
                    "аналог / analogue: {}",
                    item.matched_number.as_deref().unwrap_or(query)
                ),
                _ => String::new(),
            };
            [
                item.article.clone(),
                item.brand.clone().unwrap_or_default(),
                item.name.clone(),
                format!("{} {}", item.on_hand, item.unit.short_ru()),
                item.price.map_or("—".to_owned(), |p| p.to_string()),
                why,
            ]
            .join("\t")
        })
        .collect();
    lines.push(format!("Найдено / found: {}", found.len()));
    Ok(lines.join("\n"))
}

/// What an issue means, in Russian and English, for the command line.
fn issue_text(issue: IssueCode) -> (&'static str, &'static str) {
    use IssueCode::*;
    match issue {
        Required => ("нужно заполнить", "required"),
        NameRequired => (
            "нужна фамилия или имя (у организации — название)",
            "a surname or name is needed (a company needs its name)",
        ),
        PhoneRequired => ("нужен хотя бы один телефон", "at least one phone is needed"),
        TooLong => ("слишком длинно", "too long"),
        TooMany => ("слишком много значений", "too many values"),
        PhoneInvalid => ("телефон не распознан", "the phone is not recognised"),
        PhoneRepeated => ("телефон повторяется", "the phone is repeated"),
        EmailInvalid => ("e-mail с ошибкой", "the e-mail is not valid"),
        InnInvalid => (
            "ИНН: 10 цифр у организации, 12 у ИП",
            "ИНН: 10 digits for a company, 12 for an entrepreneur",
        ),
        InnChecksum => (
            "контрольное число ИНН не сходится",
            "the ИНН check digits do not match",
        ),
        KppInvalid => ("КПП — 9 знаков", "КПП is 9 characters"),
        OgrnInvalid => (
            "ОГРН — 13 цифр, ОГРНИП — 15",
            "ОГРН is 13 digits, ОГРНИП 15",
        ),
        OgrnChecksum => (
            "контрольная цифра ОГРН не сходится",
            "the ОГРН check digit does not match",
        ),
        BikInvalid => (
            "БИК — 9 цифр, начинается с 04",
            "БИК is 9 digits starting with 04",
        ),
        AccountInvalid => ("счёт — 20 цифр", "an account is 20 digits"),
        AccountChecksum => (
            "счёт не сходится с БИК",
            "the account does not match the БИК",
        ),
        VinInvalid => (
            "VIN — 17 латинских букв и цифр",
            "a VIN is 17 Latin letters and digits",
        ),
        VinForbiddenLetter => ("в VIN не бывает букв I, O и Q", "a VIN never has I, O or Q"),
        PlateInvalid => ("госномер не распознан", "the plate is not recognised"),
        DateInvalid => (
            "дата не распознана (ДД.ММ.ГГГГ)",
            "the date is not recognised (DD.MM.YYYY)",
        ),
        DateInFuture => ("дата ещё не наступила", "the date is in the future"),
        OutOfRange => (
            "число вне допустимых пределов",
            "the number is out of range",
        ),
        OdometerDecreased => (
            "пробег меньше прежнего",
            "the mileage is below the last reading",
        ),
        Repeated => ("повторяется в файле", "repeated in the file"),
        NumberInvalid => ("не число", "not a number"),
        FractionNotAllowed => (
            "товар считается целыми штуками",
            "the product is counted in whole pieces",
        ),
        BarcodeInvalid => ("штрихкод — 6–14 цифр", "a barcode is 6–14 digits"),
        BarcodeChecksum => (
            "контрольная цифра штрихкода не сходится",
            "the barcode check digit does not match",
        ),
        Taken => (
            "уже занято другой записью",
            "already taken by another record",
        ),
        NotEnoughStock => ("столько нет на складе", "not enough in stock"),
        PurchasePriceRequired => (
            "для наценки нужна закупочная цена",
            "a markup needs the purchase price",
        ),
        Unavailable => ("позиция в архиве или удалена", "archived or gone"),
        UnknownValue => ("значение не распознано", "the value is not recognised"),
        FileType => (
            "файл этого типа не подходит",
            "a file of this type is not accepted",
        ),
        FileTooLarge => ("файл слишком большой", "the file is too large"),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let invocation = match parse(&args) {
        Ok(Invocation {
            command: Command::Help,
            ..
        }) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Ok(invocation) => invocation,
        Err(problem) => {
            eprintln!("{problem}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("не удалось запустить / cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(invocation)) {
        Ok(message) => {
            // A reader that stops early (`… | head`) is not an error of ours:
            // println! would panic on the closed pipe.
            let _ = writeln!(std::io::stdout().lock(), "{message}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("Ошибка / error: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn parses_the_commands() {
        let cases = [
            (
                "migrate",
                Ok(Invocation {
                    db: None,
                    command: Command::Migrate,
                }),
            ),
            (
                "--db shop.sqlite3 seed --demo --count 5",
                Ok(Invocation {
                    db: Some("shop.sqlite3".into()),
                    command: Command::SeedDemo {
                        count: 5,
                        seed: SeedPlan::DEFAULT_SEED,
                    },
                }),
            ),
            (
                "seed --clients 100000 --seed 7",
                Ok(Invocation {
                    db: None,
                    command: Command::SeedDemo {
                        count: 100_000,
                        seed: 7,
                    },
                }),
            ),
            (
                "seed --products 200000",
                Ok(Invocation {
                    db: None,
                    command: Command::SeedProducts {
                        count: 200_000,
                        seed: SeedPlan::DEFAULT_SEED,
                    },
                }),
            ),
            (
                "export clients --format xlsx --out all.xlsx",
                Ok(Invocation {
                    db: None,
                    command: Command::Export {
                        format: ExportFormat::Xlsx,
                        out: Some("all.xlsx".into()),
                    },
                }),
            ),
            (
                "import clients base.csv",
                Ok(Invocation {
                    db: None,
                    command: Command::Import {
                        file: "base.csv".into(),
                    },
                }),
            ),
            (
                "import products прайс.xlsx --dry-run",
                Ok(Invocation {
                    db: None,
                    command: Command::ImportProducts {
                        file: "прайс.xlsx".into(),
                        dry_run: true,
                    },
                }),
            ),
            (
                "export products --format csv",
                Ok(Invocation {
                    db: None,
                    command: Command::ExportProducts {
                        format: ExportFormat::Csv,
                        out: None,
                    },
                }),
            ),
            (
                "find-product mann w 712/73 --limit 5",
                Ok(Invocation {
                    db: None,
                    command: Command::FindProduct {
                        query: "mann w 712/73".into(),
                        limit: 5,
                    },
                }),
            ),
            (
                "find-product OC90",
                Ok(Invocation {
                    db: None,
                    command: Command::FindProduct {
                        query: "OC90".into(),
                        limit: DEFAULT_PRODUCT_LIMIT,
                    },
                }),
            ),
            (
                "find а123 вс",
                Ok(Invocation {
                    db: None,
                    command: Command::Find {
                        query: "а123 вс".into(),
                    },
                }),
            ),
            (
                "backup --out copy.sqlite3",
                Ok(Invocation {
                    db: None,
                    command: Command::Backup {
                        out: "copy.sqlite3".into(),
                    },
                }),
            ),
            (
                "orders list",
                Ok(Invocation {
                    db: None,
                    command: Command::OrdersList,
                }),
            ),
            (
                "document render --order 12 --kind acceptance --out act.pdf",
                Ok(Invocation {
                    db: None,
                    command: Command::DocumentRender {
                        order: OrderNumber {
                            year: None,
                            number: 12,
                        },
                        kind: DocumentKind::Acceptance,
                        out: "act.pdf".into(),
                    },
                }),
            ),
            (
                "document render --order ЗН-2026-000012 --kind invoice --out счёт.pdf",
                Ok(Invocation {
                    db: None,
                    command: Command::DocumentRender {
                        order: OrderNumber {
                            year: Some(2026),
                            number: 12,
                        },
                        kind: DocumentKind::Invoice,
                        out: "счёт.pdf".into(),
                    },
                }),
            ),
            (
                "document render --sale ПР-26-00001 --out чек.pdf",
                Ok(Invocation {
                    db: None,
                    command: Command::SaleReceipt {
                        sale: "ПР-26-00001".into(),
                        out: "чек.pdf".into(),
                    },
                }),
            ),
            (
                "",
                Ok(Invocation {
                    db: None,
                    command: Command::Help,
                }),
            ),
        ];
        for (line, expected) in cases {
            assert_eq!(parse(&args(line)), expected, "{line}");
        }
        for bad in [
            "seed",
            "backup",
            "frobnicate",
            "--db",
            "seed --demo --count many",
            "seed --clients 10 --seed x",
            "seed --clients 10 --products 10",
            "seed --products many",
            "find",
            "import clients",
            "import cars x.csv",
            "export clients",
            "export clients --format pdf",
            "import products",
            "import clients x.csv --dry-run",
            "export products",
            "export products --format pdf",
            "find-product",
            "find-product OC90 --limit",
            "find-product OC90 --limit -1",
            "find OC90 --limit 5",
            "--verbose migrate",
            "orders",
            "orders show",
            "document",
            "document render --kind order --out a.pdf",
            "document render --order 12 --out a.pdf",
            "document render --order 12 --kind order",
            "document render --order 0 --kind order --out a.pdf",
            "document render --order АП-2026-000012 --kind order --out a.pdf",
            "document render --order 12 --kind contract --out a.pdf",
            "document render --sale ПР-26-00001",
            "document render --sale ПР-26-00001 --order 12 --kind order --out a.pdf",
            "document render --sale ПР-26-00001 --kind order --out a.pdf",
            "orders list --sale ПР-26-00001",
            "orders list --kind order",
            "migrate --order 12",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_order_number_names_the_order() {
        let short = OrderNumber::parse("12").expect("12");
        let full = OrderNumber::parse("зн-2026-000012").expect("full");
        assert!(short.names("ЗН-2026-000012") && short.names("ЗН-2025-000012"));
        assert!(full.names("ЗН-2026-000012") && !full.names("ЗН-2025-000012"));
        assert!(!short.names("ЗН-2026-000112"));
    }
}
