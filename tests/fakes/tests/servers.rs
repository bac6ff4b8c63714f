//! The fakes as a client that knows nothing of our adapters sees them: a raw
//! SMTP dialogue, raw HTTP requests, and the binary run as another process.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use remzona_fakes::{Behaviour, FakeGateways, FakeSmtp, Provider, Received, SmtpConfig};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One SMTP client line and the code the server must reply with.
async fn say(stream: &mut BufReader<TcpStream>, line: &str, code: &str) -> String {
    stream
        .get_mut()
        .write_all(format!("{line}\r\n").as_bytes())
        .await
        .expect("written");
    expect(stream, code).await
}

/// Reads a (possibly multi-line) reply and checks its code.
async fn expect(stream: &mut BufReader<TcpStream>, code: &str) -> String {
    let mut reply = String::new();
    loop {
        let mut line = String::new();
        stream.read_line(&mut line).await.expect("a reply");
        reply.push_str(&line);
        if line.as_bytes().get(3) != Some(&b'-') {
            break;
        }
    }
    assert!(reply.starts_with(code), "expected {code}, got {reply:?}");
    reply
}

#[tokio::test]
async fn smtp_dialogue() {
    let server = FakeSmtp::start_with(SmtpConfig {
        credentials: Some(("shop".into(), "pw".into())),
        ..SmtpConfig::default()
    })
    .await
    .expect("started");
    let tcp = TcpStream::connect(server.addr()).await.expect("connected");
    let mut smtp = BufReader::new(tcp);
    expect(&mut smtp, "220").await;
    let ehlo = say(&mut smtp, "EHLO client.test", "250").await;
    assert!(ehlo.contains("250-AUTH PLAIN LOGIN"), "{ehlo}");
    say(&mut smtp, "MAIL FROM:<shop@gaika.ru>", "530").await;
    let wrong = STANDARD.encode("\0shop\0guess");
    say(&mut smtp, &format!("AUTH PLAIN {wrong}"), "535").await;
    say(&mut smtp, "AUTH LOGIN", "334 VXNlcm5hbWU6").await;
    say(&mut smtp, &STANDARD.encode("shop"), "334 UGFzc3dvcmQ6").await;
    say(&mut smtp, &STANDARD.encode("pw"), "235").await;
    say(&mut smtp, "NOOP", "250").await;
    say(&mut smtp, "MAIL FROM:<shop@gaika.ru> SIZE=100", "250").await;
    say(&mut smtp, "RCPT TO:<ivan@mail.ru>", "250").await;
    say(&mut smtp, "RSET", "250").await;
    say(&mut smtp, "RCPT TO:<ivan@mail.ru>", "503").await;
    say(&mut smtp, "DATA", "503").await;
    say(&mut smtp, "MAIL FROM:<shop@gaika.ru>", "250").await;
    say(&mut smtp, "RCPT TO:<ivan@mail.ru>", "250").await;
    say(&mut smtp, "RCPT TO:<anna@mail.ru>", "250").await;
    say(&mut smtp, "DATA", "354").await;
    let data = "Subject: =?utf-8?b?0J3QsNC/0L7QvNC40L3QsNC90LjQtQ==?=\r\nX-Remzona-Id: 12\r\n\r\n..a line that began with a dot\r\nend\r\n.";
    say(&mut smtp, data, "250").await;
    say(&mut smtp, "HELO again", "250").await;
    say(&mut smtp, "VRFY ivan", "502").await;
    say(&mut smtp, "QUIT", "221").await;

    let mails = server.mails();
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert_eq!(mail.from, "shop@gaika.ru");
    assert_eq!(mail.to, ["ivan@mail.ru", "anna@mail.ru"]);
    assert_eq!(mail.login.as_deref(), Some("shop"));
    assert_eq!(mail.subject().as_deref(), Some("Напоминание"));
    assert_eq!(
        mail.text().as_deref(),
        Some(".a line that began with a dot\nend")
    );
    let counts = server.received_count_by_our_id();
    assert_eq!(counts.get("12"), Some(&2), "one per recipient");
}

#[tokio::test]
async fn smtp_refusals_are_scripted() {
    let server = FakeSmtp::start().await.expect("started");
    server.reject_rcpt("Full", 452);
    server.reject_rcpt("*", 550);
    let tcp = TcpStream::connect(server.addr()).await.expect("connected");
    let mut smtp = BufReader::new(tcp);
    expect(&mut smtp, "220").await;
    say(&mut smtp, "HELO client.test", "250").await;
    say(&mut smtp, "MAIL FROM:<>", "250").await;
    say(&mut smtp, "RCPT TO:<box.full@mail.ru>", "452").await;
    say(&mut smtp, "RCPT TO:<anyone@mail.ru>", "550").await;
    say(&mut smtp, "QUIT", "221").await;
}

/// A raw HTTP/1.1 request; the status and the body of the answer.
async fn http(base: &str, method: &str, target: &str, body: &str, kind: &str) -> (u16, String) {
    let host = base.trim_start_matches("http://");
    let mut tcp = TcpStream::connect(host).await.expect("connected");
    let request = format!(
        "{method} {target} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    tcp.write_all(request.as_bytes()).await.expect("sent");
    let mut answer = String::new();
    tcp.read_to_string(&mut answer).await.expect("an answer");
    let status = answer
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .expect("a status line");
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, body)| body)
        .unwrap_or_default();
    (status, body.to_owned())
}

const FORM: &str = "application/x-www-form-urlencoded";

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|_| panic!("JSON: {text}"))
}

#[tokio::test]
async fn http_shapes() {
    let fakes = FakeGateways::start().await.expect("started");
    let base = fakes.base_url();
    let c = fakes.credentials().clone();

    // SMSC by GET, in its text format without fmt=3.
    let query = format!(
        "/sys/send.php?login={}&psw={}&phones=79161234567&mes=hi&id=5",
        c.smsc_login, c.smsc_password
    );
    assert_eq!(
        http(&base, "GET", &query, "", FORM).await,
        (200, "OK - 1 SMS, ID - 5".into())
    );
    let form = format!(
        "apikey={}&phones=%2B79161234567&mes=%D0%94%D0%B0&fmt=3&viber=1",
        c.smsc_apikey
    );
    let (_, body) = http(&base, "POST", "/sys/send.php", &form, FORM).await;
    assert_eq!(json(&body)["cnt"], 1);
    let (_, body) = http(
        &base,
        "POST",
        "/sys/status.php",
        "login=x&psw=y&phone=1&id=1&fmt=3",
        FORM,
    )
    .await;
    assert_eq!(json(&body)["error_code"], 2);
    let status = format!("apikey={}&phone=79161234567,&id=5,&fmt=3", c.smsc_apikey);
    let (_, body) = http(&base, "POST", "/sys/status.php", &status, FORM).await;
    assert_eq!(json(&body)["status"], 1);
    let missing = format!("apikey={}&phone=79161234567&id=6&fmt=3", c.smsc_apikey);
    let (_, body) = http(&base, "POST", "/sys/status.php", &missing, FORM).await;
    assert_eq!(json(&body)["error_code"], 3);

    // SMS.ru: the request's status, then an entry per number.
    let send = format!(
        "api_id={}&to=79161234567,7916&msg=hi&json=1",
        c.smsru_api_id
    );
    let (_, body) = http(&base, "POST", "/sms/send", &send, FORM).await;
    let answer = json(&body);
    assert_eq!(answer["status"], "OK");
    assert_eq!(answer["sms"]["79161234567"]["status_code"], 100);
    assert_eq!(answer["sms"]["7916"]["status_code"], 202);
    let sms_id = answer["sms"]["79161234567"]["sms_id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let status = format!("api_id={}&sms_id={sms_id},000-1&json=1", c.smsru_api_id);
    let (_, body) = http(&base, "POST", "/sms/status", &status, FORM).await;
    let answer = json(&body);
    assert_eq!(answer["sms"][sms_id.as_str()]["status_code"], 103);
    assert_eq!(answer["sms"]["000-1"]["status_code"], -1);

    // Telegram: JSON bodies, getMe, and errors with the HTTP status.
    let bot = format!("/bot{}", c.telegram_token);
    let (status, body) = http(&base, "GET", &format!("{bot}/getMe"), "", FORM).await;
    assert_eq!(
        (status, json(&body)["result"]["username"].clone()),
        (200, Value::from(c.telegram_bot_username))
    );
    fakes.script(Provider::Telegram, "77", Behaviour::Error(403));
    let send = format!("{bot}/sendMessage");
    let (status, body) = http(
        &base,
        "POST",
        &send,
        r#"{"chat_id":77,"text":"hi"}"#,
        "application/json",
    )
    .await;
    assert_eq!(
        (status, json(&body)["error_code"].clone()),
        (403, Value::from(403))
    );
    let (status, _) = http(&base, "POST", "/bot1:wrong/getMe", "", FORM).await;
    assert_eq!(status, 401);
    let (status, _) = http(&base, "GET", "/nowhere", "", FORM).await;
    assert_eq!(status, 404);

    fakes.script_once(
        Provider::Smsc,
        "*",
        Behaviour::Delay(Duration::from_millis(50)),
    );
    let slow = format!(
        "apikey={}&phones=79161234567&mes=hi&fmt=3&id=7",
        c.smsc_apikey
    );
    let (_, body) = http(&base, "POST", "/sys/send.php", &slow, FORM).await;
    assert_eq!(json(&body)["id"], 7);
    let providers: Vec<Provider> = fakes.received().iter().map(|r| r.provider).collect();
    assert_eq!(
        providers,
        [
            Provider::Smsc,
            Provider::Smsc,
            Provider::SmsRu,
            Provider::Smsc
        ]
    );
}

#[tokio::test]
async fn the_binary_logs_every_delivery() {
    let log = std::env::temp_dir().join(format!("remzona-fakes-{}.jsonl", std::process::id()));
    let _ = std::fs::remove_file(&log);
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_fake-gateways"))
        .args([
            "--log",
            &log.to_string_lossy(),
            "--script",
            "smsc:79990000002:error=7",
        ])
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("started");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .await
        .expect("the ready line");
    let ready = json(&line);
    let base = ready["http"].as_str().expect("a base URL").to_owned();
    let key = ready["smsc_apikey"].as_str().expect("a key").to_owned();
    assert!(
        ready["smtp_port"].as_u64().is_some_and(|port| port > 0),
        "{ready}"
    );

    for phone in ["79990000001", "79990000002"] {
        let form = format!("apikey={key}&phones={phone}&mes=hi&fmt=3&id=3");
        http(&base, "POST", "/sys/send.php", &form, FORM).await;
    }
    let tcp = TcpStream::connect((
        "127.0.0.1",
        u16::try_from(ready["smtp_port"].as_u64().unwrap_or(0)).expect("a port"),
    ))
    .await
    .expect("connected");
    let mut smtp = BufReader::new(tcp);
    expect(&mut smtp, "220").await;
    say(&mut smtp, "HELO t", "250").await;
    say(&mut smtp, "MAIL FROM:<a@b.ru>", "250").await;
    say(&mut smtp, "RCPT TO:<c@d.ru>", "250").await;
    say(&mut smtp, "DATA", "354").await;
    say(&mut smtp, "Subject: s\r\n\r\nbody\r\n.", "250").await;
    child.kill().await.expect("killed");

    let lines = std::fs::read_to_string(&log).expect("the log");
    let received: Vec<Received> = lines
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON line"))
        .collect();
    let _ = std::fs::remove_file(&log);
    let summary: Vec<(Provider, &str)> = received
        .iter()
        .map(|r| (r.provider, r.recipient.as_str()))
        .collect();
    assert_eq!(
        summary,
        [(Provider::Smsc, "79990000001"), (Provider::Smtp, "c@d.ru")]
    );
}
