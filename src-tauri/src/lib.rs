//! Remzona's desktop shell: opens the shop database, registers the commands and
//! plugins, and hosts the Svelte UI. All the logic lives in the `remzona` core.

pub mod commands;
pub mod error;
pub mod reminders;
pub mod state;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::Arc;

use remzona::reminders::secrets::{Keychain, SecretStore};
use remzona::{Remzona, SystemClock, paths};
use tauri::Manager;
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};
use tauri_specta::{Builder, collect_commands};

use crate::state::AppState;

/// Every command the UI can call; the TypeScript bindings are generated from this.
pub fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new().commands(collect_commands![
        commands::app::app_info,
        commands::schedule::staff_list,
        commands::schedule::staff_save,
        commands::schedule::bays_list,
        commands::schedule::bays_save,
        commands::schedule::shifts_plan,
        commands::schedule::shifts_days,
        commands::schedule::shifts_paint_pattern,
        commands::schedule::shifts_delete_pattern,
        commands::schedule::shifts_paint_exception,
        commands::schedule::shifts_clear_exceptions,
        commands::schedule::schedule_settings_get,
        commands::schedule::schedule_settings_set,
        commands::schedule::schedule_load,
        commands::schedule::appointments_get,
        commands::schedule::appointments_validate,
        commands::schedule::appointments_create,
        commands::schedule::appointments_update,
        commands::schedule::appointments_move,
        commands::schedule::appointments_set_status,
        commands::schedule::finder_slots,
        commands::schedule::finder_free_at,
        commands::schedule::schedule_zones,
        commands::schedule::schedule_now,
        commands::schedule::notices_take_due,
        commands::clients::clients_search,
        commands::clients::clients_get,
        commands::clients::clients_card,
        commands::clients::clients_validate,
        commands::clients::clients_create,
        commands::clients::clients_update,
        commands::clients::clients_archive,
        commands::clients::clients_merge,
        commands::clients::consents_record,
        commands::clients::lead_sources_list,
        commands::clients::lead_sources_add,
        commands::clients::lead_sources_rename,
        commands::clients::lead_sources_archive,
        commands::vehicles::vehicles_get,
        commands::vehicles::vehicles_validate,
        commands::vehicles::vehicles_create,
        commands::vehicles::vehicles_update,
        commands::vehicles::vehicles_record_odometer,
        commands::vehicles::vehicles_transfer,
        commands::vehicles::vehicles_catalogue,
        commands::imports::imports_preview,
        commands::imports::imports_run,
        commands::imports::clients_export,
        commands::products::products_search,
        commands::products::products_get,
        commands::products::products_validate,
        commands::products::products_create,
        commands::products::products_update,
        commands::products::products_archive,
        commands::products::products_movements,
        commands::products::brands_list,
        commands::products::brands_rename,
        commands::products::brands_archive,
        commands::products::categories_list,
        commands::products::categories_add,
        commands::products::categories_rename,
        commands::products::categories_archive,
        commands::products::suppliers_list,
        commands::products::suppliers_save,
        commands::products::suppliers_archive,
        commands::product_imports::products_import_preview,
        commands::product_imports::products_import_run,
        commands::product_imports::products_export,
        commands::stock::stock_receive,
        commands::stock::stock_write_off,
        commands::stock::stock_inventory,
        commands::stock::stock_sell,
        commands::stock::stock_document,
        commands::stock::stock_documents,
        commands::stock::sales_get,
        commands::stock::warehouses_list,
        commands::stock::warehouses_add,
        commands::stock::warehouses_rename,
        commands::stock::warehouses_archive,
        commands::stock::stock_settings_get,
        commands::stock::stock_settings_set,
        commands::pricelist::services_search,
        commands::pricelist::services_get,
        commands::pricelist::services_validate,
        commands::pricelist::services_create,
        commands::pricelist::services_update,
        commands::pricelist::services_archive,
        commands::pricelist::service_categories_list,
        commands::pricelist::service_categories_save,
        commands::pricelist::service_categories_archive,
        commands::pricelist::packages_list,
        commands::pricelist::packages_create,
        commands::pricelist::packages_update,
        commands::pricelist::packages_archive,
        commands::pricelist::pricing_get,
        commands::pricelist::pricing_set_hourly_rate,
        commands::reminders::reminder_rules_get,
        commands::reminders::reminder_rules_set,
        commands::reminders::shop_contacts_get,
        commands::reminders::shop_contacts_set,
        commands::reminders::reminder_templates_list,
        commands::reminders::reminder_templates_save,
        commands::reminders::reminder_templates_reset,
        commands::reminders::reminder_templates_preview,
        commands::reminders::gateways_list,
        commands::reminders::gateways_save,
        commands::reminders::gateways_test,
        commands::reminders::outbox_list,
        commands::reminders::outbox_get,
        commands::reminders::outbox_retry,
        commands::reminders::outbox_cancel,
        commands::reminders::reminders_take_failures,
        commands::reminders::reminders_run_now,
        commands::reminders::calls_list,
        commands::reminders::calls_record,
        commands::reminders::telegram_link,
        commands::orders::orders_take_in,
        commands::orders::orders_take_in_walk_in,
        commands::orders::orders_get,
        commands::orders::orders_list,
        commands::orders::orders_of_appointment,
        commands::orders::orders_of_client,
        commands::orders::orders_update_intake,
        commands::orders::orders_set_terms,
        commands::orders::orders_add_work,
        commands::orders::orders_update_work,
        commands::orders::orders_remove_work,
        commands::orders::orders_add_part,
        commands::orders::orders_update_part,
        commands::orders::orders_remove_part,
        commands::orders::orders_change_status,
        commands::orders::orders_record_payment,
        commands::orders::orders_history,
        commands::orders::photos_attach,
        commands::orders::media_image,
        commands::orders::intake_body_views,
        commands::orders::documents_issue,
        commands::orders::documents_of_order,
        commands::orders::documents_of_vehicle,
        commands::orders::documents_print,
        commands::orders::documents_save,
        commands::orders::documents_email,
        commands::orders::sales_receipt_print,
        commands::orders::sales_receipt_save,
        commands::orders::shop_requisites_get,
        commands::orders::shop_requisites_set,
        commands::orders::shop_logo_set,
        commands::orders::vat_mode_get,
        commands::orders::vat_mode_set,
    ])
}

/// The TypeScript exporter with the settings the committed bindings were made with.
pub fn typescript() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default()
}

/// `--db PATH` on the command line, else `REMZONA_DB`, else the user's data folder.
pub fn db_path_from(args: impl IntoIterator<Item = OsString>) -> PathBuf {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return PathBuf::from(path);
            }
        } else if let Some(path) = arg.to_str().and_then(|a| a.strip_prefix("--db=")) {
            return PathBuf::from(path);
        }
    }
    paths::default_db_path()
}

pub fn run() {
    let builder = specta_builder();
    let db_path = db_path_from(std::env::args_os().skip(1));
    let result = tauri::Builder::default()
        // First, so a second launch only brings the running window forward.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            match tauri::async_runtime::block_on(Remzona::open(&db_path, Arc::new(SystemClock))) {
                Ok(shop) => {
                    let secrets: Arc<dyn SecretStore> = Arc::new(Keychain::for_database(&db_path));
                    reminders::start(shop.clone(), secrets.clone());
                    app.manage(AppState { shop, secrets });
                    Ok(())
                }
                Err(error) => {
                    let text = format!(
                        "Не удалось открыть базу данных {}.\n{error}\n\nCannot open the database.",
                        db_path.display()
                    );
                    eprintln!("remzona: {text}");
                    app.dialog()
                        .message(text)
                        .title("Remzona")
                        .kind(MessageDialogKind::Error)
                        .blocking_show();
                    Err(Box::new(error))
                }
            }
        })
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("remzona: the app stopped with an error: {error}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn db_path_comes_from_the_command_line_first() {
        let args = |list: &[&str]| list.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            db_path_from(args(&["--db", "/tmp/a.sqlite3"])),
            PathBuf::from("/tmp/a.sqlite3")
        );
        assert_eq!(
            db_path_from(args(&["--db=/tmp/b.sqlite3"])),
            PathBuf::from("/tmp/b.sqlite3")
        );
        assert!(
            db_path_from(args(&[])).ends_with(paths::DB_FILE_NAME)
                || std::env::var_os(paths::DB_ENV_VAR).is_some()
        );
    }
}
