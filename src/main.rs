//! `remzona`: the command line of the core, for set-up and maintenance.
//!
//! ```text
//! remzona [--db PATH] migrate
//! remzona [--db PATH] seed --demo [--count N]
//! remzona [--db PATH] backup --out FILE
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use remzona::demo::SeedOutcome;
use remzona::{Remzona, SystemClock, paths};

const USAGE: &str = "\
Использование / Usage:
  remzona [--db PATH] migrate                    создать или обновить базу / create or upgrade the database
  remzona [--db PATH] seed --demo [--count N]    заполнить пустую базу демо-данными / fill an empty database with demo data
  remzona [--db PATH] backup --out FILE          сохранить копию базы / write a backup copy

По умолчанию база лежит в папке данных пользователя; переменная REMZONA_DB задаёт другой файл.
By default the database is in the user's data folder; REMZONA_DB names another file.";

const DEFAULT_DEMO_CLIENTS: usize = 60;

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Migrate,
    SeedDemo { count: usize },
    Backup { out: PathBuf },
    Help,
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
    let mut count = DEFAULT_DEMO_CLIENTS;
    let mut out = None;
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
            "--count" => {
                let raw = value("--count")?;
                count = raw.parse().map_err(|_| {
                    format!("--count ждёт целое число, а не «{raw}» / --count needs a whole number, not {raw:?}")
                })?;
            }
            "--demo" => demo = true,
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
        Some("seed") if demo => Command::SeedDemo { count },
        Some("seed") => return Err(
            "укажите --demo: других наборов данных пока нет / say --demo: no other data sets yet"
                .to_owned(),
        ),
        Some("backup") => match out {
            Some(out) => Command::Backup { out },
            None => {
                return Err(
                    "укажите файл: backup --out FILE / name the file: backup --out FILE".to_owned(),
                );
            }
        },
        Some(other) => {
            return Err(format!(
                "неизвестная команда {other} / unknown command {other}"
            ));
        }
    };
    Ok(Invocation { db, command })
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
        Command::SeedDemo { count } => match shop.seed_demo(count).await? {
            SeedOutcome::Added(added) => {
                format!("Добавлено демо-клиентов / demo clients added: {added}")
            }
            SeedOutcome::SkippedNotEmpty(existing) => format!(
                "В базе уже есть клиенты ({existing}), демо-данные не добавлены / the database already has {existing} clients; demo data not added"
            ),
        },
        Command::Backup { out } => {
            shop.backup(&out).await?;
            format!("Копия сохранена / backup written: {}", out.display())
        }
    };
    shop.close().await;
    Ok(message)
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
            println!("{message}");
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
                    command: Command::SeedDemo { count: 5 },
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
            "--verbose migrate",
        ] {
            assert!(parse(&args(bad)).is_err(), "{bad}");
        }
    }
}
