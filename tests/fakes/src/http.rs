//! Just enough HTTP/1.1 for the providers' requests: a request line, headers,
//! a body by `Content-Length`; one request per connection, answered with
//! `Connection: close` (clients then never reuse a socket the fake dropped).

use std::collections::HashMap;
use std::io;

use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// Requests larger than this are refused: a fake never needs them.
const MAX_BODY: usize = 1 << 20;
const MAX_HEAD_LINES: usize = 100;

#[derive(Debug, Clone)]
pub(crate) struct Request {
    /// The path without the query.
    pub path: String,
    pub query: String,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// The query's parameters, then a form body's (which win), as the
    /// providers take either GET or POST.
    pub(crate) fn params(&self) -> HashMap<String, String> {
        let mut params: HashMap<String, String> = form_urlencoded::parse(self.query.as_bytes())
            .into_owned()
            .collect();
        let is_form = self
            .header("content-type")
            .is_some_and(|kind| kind.starts_with("application/x-www-form-urlencoded"));
        if is_form {
            params.extend(form_urlencoded::parse(&self.body).into_owned());
        }
        params
    }

    /// A JSON object body's fields as text, merged over [`Request::params`]
    /// (the Telegram Bot API takes JSON, a form or a query).
    pub(crate) fn fields(&self) -> HashMap<String, String> {
        let mut fields = self.params();
        if let Ok(serde_json::Value::Object(object)) = serde_json::from_slice(&self.body) {
            for (key, value) in object {
                let text = match value {
                    serde_json::Value::String(text) => text,
                    other => other.to_string(),
                };
                fields.insert(key, text);
            }
        }
        fields
    }
}

/// Reads one request; `None` when the client closed the connection first.
pub(crate) async fn read_request<R>(reader: &mut R) -> io::Result<Option<Request>>
where
    R: AsyncBufRead + Unpin,
{
    let mut line = String::new();
    if reader.read_line(&mut line).await? == 0 {
        return Ok(None);
    }
    let mut parts = line.split_whitespace();
    let (Some(_method), Some(target)) = (parts.next(), parts.next()) else {
        return Err(invalid("not an HTTP request line"));
    };
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut request = Request {
        path: path.to_owned(),
        query: query.to_owned(),
        headers: Vec::new(),
        body: Vec::new(),
    };
    read_headers(reader, &mut request.headers).await?;
    let length: usize = request
        .header("content-length")
        .map_or(Ok(0), |value| value.trim().parse())
        .map_err(|_| invalid("a bad Content-Length"))?;
    if length > MAX_BODY {
        return Err(invalid("a body too large for a fake"));
    }
    request.body = vec![0; length];
    reader.read_exact(&mut request.body).await?;
    Ok(Some(request))
}

async fn read_headers<R>(reader: &mut R, headers: &mut Vec<(String, String)>) -> io::Result<()>
where
    R: AsyncBufRead + Unpin,
{
    for _ in 0..MAX_HEAD_LINES {
        let mut line = String::new();
        if reader.read_line(&mut line).await? == 0 {
            return Err(invalid("the head ended early"));
        }
        let line = line.trim_end();
        if line.is_empty() {
            return Ok(());
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_owned(), value.trim().to_owned()));
        }
    }
    Err(invalid("too many header lines"))
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}

#[derive(Debug, Clone)]
pub(crate) struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Response {
    pub(crate) fn json(status: u16, value: &serde_json::Value) -> Response {
        Response {
            status,
            headers: Vec::new(),
            content_type: "application/json",
            body: value.to_string().into_bytes(),
        }
    }

    pub(crate) fn text(status: u16, text: &str) -> Response {
        Response {
            status,
            headers: Vec::new(),
            content_type: "text/plain; charset=utf-8",
            body: text.as_bytes().to_vec(),
        }
    }

    pub(crate) fn with_header(mut self, name: &str, value: String) -> Response {
        self.headers.push((name.to_owned(), value));
        self
    }

    pub(crate) async fn write<W>(&self, writer: &mut W) -> io::Result<()>
    where
        W: AsyncWrite + Unpin,
    {
        let mut head = format!(
            "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n",
            self.status,
            reason(self.status),
            self.content_type,
            self.body.len()
        );
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        writer.write_all(head.as_bytes()).await?;
        writer.write_all(&self.body).await?;
        writer.flush().await
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Status",
    }
}
