//! Starts the fake SMTP server and the fake HTTP gateways for another
//! process (the CLI crash test, the e2e suite, a benchmark, a manual run),
//! prints one JSON line with their addresses and credentials, and runs until
//! killed.
//!
//! ```text
//! fake-gateways [--http-port N] [--smtp-port N] [--log FILE]
//!               [--script PROVIDER:RECIPIENT:BEHAVIOUR]...
//! ```
//!
//! `--log FILE` appends every accepted message as a JSON line (see
//! `remzona_fakes::Received`). `--script smsc:79990000002:error=7` sets a
//! rule like `FakeGateways::script`; recipients may be `*`; behaviours are
//! `accept`, `error=N`, `http=N`, `rate=SECONDS`, `hang`, `delay=MS`,
//! `disconnect`.

use std::path::PathBuf;
use std::process::ExitCode;

use remzona_fakes::{Behaviour, FakeGateways, FakeSmtp, GatewaysConfig, Log, Provider, SmtpConfig};
use serde_json::json;

#[derive(Debug, Default)]
struct Args {
    http_port: u16,
    smtp_port: u16,
    log: Option<PathBuf>,
    scripts: Vec<(Provider, String, Behaviour)>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut parsed = Args::default();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--http-port" => parsed.http_port = port(&value()?)?,
            "--smtp-port" => parsed.smtp_port = port(&value()?)?,
            "--log" => parsed.log = Some(PathBuf::from(value()?)),
            "--script" => parsed.scripts.push(script(&value()?)?),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(parsed)
}

fn port(text: &str) -> Result<u16, String> {
    text.parse().map_err(|_| format!("not a port: {text:?}"))
}

fn script(text: &str) -> Result<(Provider, String, Behaviour), String> {
    let mut parts = text.splitn(3, ':');
    let (Some(provider), Some(recipient), Some(behaviour)) =
        (parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("not PROVIDER:RECIPIENT:BEHAVIOUR: {text:?}"));
    };
    let provider = Provider::parse(provider).ok_or(format!("unknown provider {provider:?}"))?;
    let behaviour = behaviour.parse().map_err(|error| format!("{error}"))?;
    Ok((provider, recipient.to_owned(), behaviour))
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(error) => {
            eprintln!("fake-gateways: {error}");
            return ExitCode::from(2);
        }
    };
    match run(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("fake-gateways: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> std::io::Result<()> {
    let log = args.log.as_deref().map(Log::append_to).transpose()?;
    let gateways = FakeGateways::start_with(GatewaysConfig {
        port: args.http_port,
        log: log.clone(),
        ..GatewaysConfig::default()
    })
    .await?;
    let smtp = FakeSmtp::start_with(SmtpConfig {
        port: args.smtp_port,
        log,
        ..SmtpConfig::default()
    })
    .await?;
    for (provider, recipient, behaviour) in args.scripts {
        gateways.script(provider, &recipient, behaviour);
    }
    let credentials = gateways.credentials();
    let ready = json!({
        "http": gateways.base_url(),
        "http_port": gateways.addr().port(),
        "smsc_base_url": gateways.base_url(),
        "smsru_base_url": gateways.base_url(),
        "telegram_base_url": gateways.base_url(),
        "smtp_host": smtp.host(),
        "smtp_port": smtp.port(),
        "smsc_login": credentials.smsc_login,
        "smsc_password": credentials.smsc_password,
        "smsc_apikey": credentials.smsc_apikey,
        "smsru_api_id": credentials.smsru_api_id,
        "telegram_token": credentials.telegram_token,
        "telegram_bot_username": credentials.telegram_bot_username,
    });
    println!("{ready}");
    std::future::pending::<()>().await;
    Ok(())
}
