//! A harness that drives the real, built Remzona app the way an operator does:
//! tauri-driver starts the app with its own temporary database, WebKitWebDriver
//! clicks and types. Run through `scripts/test.sh` (it builds the app and provides
//! Xvfb and a session bus); a plain `cargo test` does not build this crate.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::{Arc, LazyLock};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use tempfile::TempDir;
use tokio::process::{Child, Command};
use tokio::sync::{Mutex, OwnedMutexGuard};

pub mod seed;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

const WAIT: Duration = Duration::from_secs(15);

/// The app binary: `REMZONA_APP`, or the debug build in the workspace's target folder.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("REMZONA_APP") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target
        .join("debug")
        .join(format!("remzona-desktop{}", std::env::consts::EXE_SUFFIX))
}

fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// One running app with its own database, and a WebDriver session on it.
pub struct App {
    pub client: Client,
    pub dir: TempDir,
    driver: Child,
    _bus: SessionBus,
    _turn: OwnedMutexGuard<()>,
}

static TURN: LazyLock<Arc<Mutex<()>>> = LazyLock::new(|| Arc::new(Mutex::new(())));

impl App {
    pub fn db_path(dir: &TempDir) -> PathBuf {
        dir.path().join("shop.sqlite3")
    }

    /// Starts the app on a fresh, empty database.
    pub async fn start() -> Result<App> {
        // No leading dot (tempfile's default `.tmp…`): a test types paths in
        // this folder into the GTK file dialog, whose location bar completes
        // hidden names as they are typed and once swallowed part of the path.
        let dir = tempfile::Builder::new().prefix("remzona-e2e-").tempdir()?;
        App::start_in(dir).await
    }

    /// Starts the app on the database in `dir` (prepared by the test beforehand).
    pub async fn start_in(dir: TempDir) -> Result<App> {
        let binary = app_binary();
        if !binary.exists() {
            return Err(format!(
                "the app is not built: {} (run scripts/test.sh)",
                binary.display()
            )
            .into());
        }
        let port = free_port()?;
        let native_port = free_port()?;
        // One app at a time: windows on one display would steal each other's focus.
        let turn = TURN.clone().lock_owned().await;
        // The webview keeps local storage (the UI language…) under the XDG folders:
        // give every run its own, so no test sees another's leftovers.
        let home = dir.path().join("home");
        for folder in ["data", "config", "cache"] {
            std::fs::create_dir_all(home.join(folder))?;
        }
        // A session bus of its own per run: the app is single-instance per bus, so a
        // run that failed half-way can never block the next one.
        let bus = SessionBus::start().await?;
        let driver = Command::new("tauri-driver")
            .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // Without a compositor under Xvfb, WebKit's GPU path leaves the X
            // window showing an old frame; screenshots must show the real screen.
            .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            // Never the test's own output: a straggler holding it open would
            // keep `cargo test | tee` waiting for ever.
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("tauri-driver.log"))?)
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| {
                format!("cannot start tauri-driver (cargo install tauri-driver --locked): {e}")
            })?;
        wait_for_port(port).await?;
        let db = App::db_path(&dir);
        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": binary,
                "args": ["--db", db],
            }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            return Err("capabilities must be an object".into());
        };
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        let app = App {
            client,
            dir,
            driver,
            _bus: bus,
            _turn: turn,
        };
        // The app opens on the schedule; the tests of other screens start from
        // the client list, where an operator's day usually turns.
        app.click("nav-clients").await?;
        app.wait_for("clients-search").await?;
        Ok(app)
    }

    pub async fn wait_for(&self, testid: &str) -> Result<Element> {
        let css = selector(testid);
        self.client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&css))
            .await
            .map_err(|e| format!("waiting for {css}: {e}").into())
    }

    pub async fn find_all(&self, testid: &str) -> Result<Vec<Element>> {
        let css = selector(testid);
        Ok(self.client.find_all(Locator::Css(&css)).await?)
    }

    pub async fn click(&self, testid: &str) -> Result<()> {
        let element = self.wait_for(testid).await?;
        self.scroll_to(&element).await?;
        element
            .click()
            .await
            .map_err(|e| format!("clicking {testid}: {e}").into())
    }

    /// Clicks the first cell of the first client row (WebKitWebDriver does not
    /// click table rows themselves).
    pub async fn open_first_client_row(&self) -> Result<()> {
        let css = format!("{} td", selector("client-row"));
        let cell = self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(&css))
            .await?;
        Ok(cell.click().await?)
    }

    /// Clears the field and types `text` into it, key by key.
    pub async fn fill(&self, testid: &str, text: &str) -> Result<()> {
        let field = self.wait_for(testid).await?;
        self.scroll_to(&field).await?;
        let typed = async {
            field.clear().await?;
            field.send_keys(text).await
        };
        typed
            .await
            .map_err(|e| format!("typing into {testid}: {e}").into())
    }

    /// Brings `testid` into view, for a screenshot of it.
    pub async fn scroll_into_view(&self, testid: &str) -> Result<()> {
        let element = self.wait_for(testid).await?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'start'});",
                vec![serde_json::to_value(&element)?],
            )
            .await?;
        Ok(())
    }

    /// Scrolls the element into the middle of its scrolling window:
    /// WebKitWebDriver does not reach into a dialog's scrolled body itself.
    async fn scroll_to(&self, element: &Element) -> Result<()> {
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(element)?],
            )
            .await?;
        Ok(())
    }

    /// Chooses `value` in the `<select>` `testid`, scrolled into view first
    /// (WebKitWebDriver will not pick an option of a select below the fold).
    pub async fn choose(&self, testid: &str, value: &str) -> Result<()> {
        let select = self.wait_for(testid).await?;
        self.scroll_to(&select).await?;
        select
            .select_by_value(value)
            .await
            .map_err(|e| format!("choosing {value} in {testid}: {e}"))?;
        Ok(())
    }

    /// The element's visible text; its DOM text when WebKitWebDriver reports
    /// none (it does so for some elements it deems not rendered as text).
    pub async fn text_of(&self, testid: &str) -> Result<String> {
        let element = self.wait_for(testid).await?;
        let text = element.text().await?;
        if !text.trim().is_empty() {
            return Ok(text);
        }
        Ok(element.prop("textContent").await?.unwrap_or_default())
    }

    /// Clicks `testid`, which opens the system's «Открыть» dialog (GTK under
    /// Xvfb), and answers it the way an operator does from the keyboard:
    /// Ctrl+L, the file's path, Enter. The dialog is told apart from the main
    /// window by appearing after the click; typing is repeated while the
    /// dialog stays open (the location bar's completion can, rarely, take
    /// part of a typed path).
    pub async fn choose_file_through(&self, testid: &str, path: &Path) -> Result<()> {
        // A dialog that did not take the path is closed and opened afresh:
        // under a loaded machine GTK has been seen to keep one open with the
        // path typed into it.
        for _dialog in 0..3 {
            let before = app_windows().await?;
            self.click(testid).await?;
            let dialog = self
                .poll_for("the file dialog appears", || async {
                    let now = app_windows().await?;
                    Ok(now.into_iter().find(|window| !before.contains(window)))
                })
                .await?;
            for _attempt in 0..2 {
                type_path_into(&dialog, path).await?;
                if window_closes(&dialog, Duration::from_secs(5)).await? {
                    return Ok(());
                }
            }
            xdotool(&["key", "--clearmodifiers", "Escape"]).await?;
            window_closes(&dialog, Duration::from_secs(5)).await?;
        }
        let _ = self.screenshot("failed-file-dialog").await;
        Err(format!("the file dialog did not take {}", path.display()).into())
    }

    /// Polls until `probe` finds something, for up to the usual wait.
    async fn poll_for<T, F, Fut>(&self, what: &str, mut probe: F) -> Result<T>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<Option<T>>>,
    {
        let deadline = tokio::time::Instant::now() + WAIT;
        while tokio::time::Instant::now() < deadline {
            if let Some(found) = probe().await? {
                return Ok(found);
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Err(format!("timed out waiting until {what}").into())
    }

    /// Presses Esc in whatever has the focus (closes a window without changes).
    pub async fn press_escape(&self) -> Result<()> {
        let escape: char = fantoccini::key::Key::Escape.into();
        let focused = self.client.active_element().await?;
        focused.send_keys(&escape.to_string()).await?;
        Ok(())
    }

    /// The centre of the element a JavaScript expression picks (for calendar
    /// blocks and other things without a testid of their own).
    pub async fn centre_of(&self, pick: &str) -> Result<(f64, f64)> {
        let script = format!(
            "const el = ({pick}); if (!el) return null; const r = el.getBoundingClientRect(); \
             return [r.left + r.width / 2, r.top + r.height / 2];"
        );
        let found = self.client.execute(&script, vec![]).await?;
        let xs = found.as_array().ok_or("nothing matches")?;
        let x = xs.first().and_then(|v| v.as_f64()).ok_or("no x")?;
        let y = xs.get(1).and_then(|v| v.as_f64()).ok_or("no y")?;
        Ok((x, y))
    }

    /// A real mouse click at a point of the window, then the pointer moves
    /// away so no tooltip stays over what comes next.
    pub async fn mouse_click_at(&self, x: f64, y: f64) -> Result<()> {
        use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
        let click = MouseActions::new("mouse".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x,
                y,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::MoveTo {
                duration: None,
                x: 2.0,
                y: 2.0,
            });
        self.client.perform_actions(click).await?;
        Ok(())
    }

    /// Polls until `check` holds, for state that settles after a debounce or a save.
    pub async fn eventually<F, Fut>(&self, what: &str, mut check: F) -> Result<()>
    where
        F: FnMut() -> Fut,
        Fut: std::future::Future<Output = Result<bool>>,
    {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if check().await.unwrap_or(false) {
                return Ok(());
            }
            if tokio::time::Instant::now() > deadline {
                let shot = self
                    .screenshot(&format!("failed-{}", what.replace(' ', "-")))
                    .await;
                return Err(format!("timed out waiting until {what} (screen: {shot:?})").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Texts of the client rows now shown.
    pub async fn client_rows(&self) -> Result<Vec<String>> {
        self.row_texts("client-row").await
    }

    /// Texts of the table rows `testid` now shown.
    pub async fn row_texts(&self, testid: &str) -> Result<Vec<String>> {
        let mut rows = Vec::new();
        for row in self.find_all(testid).await? {
            // WebKitWebDriver's element text comes back empty for table rows;
            // the DOM's textContent is what the operator sees, cell after cell.
            rows.push(row.prop("textContent").await?.unwrap_or_default());
        }
        Ok(rows)
    }

    /// Saves a screenshot into `.e2e-artifacts/` for a person to look at.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.e2e-artifacts");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        // WebKitWebDriver's own screenshot can show a frame from before the last
        // change; the X server's picture is what is really on the screen.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let grabbed = Command::new("import")
            .args(["-window", "root"])
            .arg(&path)
            .status()
            .await
            .is_ok_and(|status| status.success());
        if !grabbed {
            std::fs::write(&path, self.client.screenshot().await?)?;
        }
        Ok(path)
    }

    pub async fn stop(self) -> Result<()> {
        self.client.clone().close().await?;
        Ok(())
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // A polite stop lets tauri-driver end WebKitWebDriver and the app with
        // it; `kill_on_drop` follows up should it linger.
        if let Some(pid) = self.driver.id() {
            terminate(pid);
        }
    }
}

/// A private D-Bus session bus, ended when dropped.
struct SessionBus {
    address: String,
    pid: u32,
}

impl SessionBus {
    async fn start() -> Result<SessionBus> {
        let output = Command::new("dbus-daemon")
            .args(["--session", "--fork", "--print-address=1", "--print-pid=1"])
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .output()
            .await
            .map_err(|e| format!("cannot start dbus-daemon (package dbus): {e}"))?;
        let text = String::from_utf8_lossy(&output.stdout);
        let mut lines = text.lines();
        let address = lines.next().unwrap_or_default().trim().to_owned();
        let pid = lines.next().unwrap_or_default().trim().parse()?;
        if address.is_empty() {
            return Err("dbus-daemon printed no address".into());
        }
        Ok(SessionBus { address, pid })
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        terminate(self.pid);
    }
}

/// Sends SIGTERM to one process (never a group) and gives it a moment to go.
fn terminate(pid: u32) {
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .stderr(Stdio::null())
        .status();
    std::thread::sleep(Duration::from_millis(200));
}

/// The app's visible top-level windows (the main one and any dialog).
async fn app_windows() -> Result<Vec<String>> {
    let found = Command::new("xdotool")
        .args(["search", "--onlyvisible", "--class", "remzona"])
        .output()
        .await?;
    Ok(String::from_utf8_lossy(&found.stdout)
        .lines()
        .map(str::to_owned)
        .collect())
}

/// Whether `window` is gone within `limit`.
async fn window_closes(window: &str, limit: Duration) -> Result<bool> {
    let deadline = tokio::time::Instant::now() + limit;
    while tokio::time::Instant::now() < deadline {
        if !app_windows().await?.iter().any(|w| w == window) {
            return Ok(true);
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
    Ok(false)
}

/// Puts `path` into the GTK file dialog's location bar and presses Enter.
/// The path is pasted whole from the clipboard: typed key by key, the bar's
/// inline completion of a unique folder name arrives a moment later and lands
/// in the middle of the path (`/tmp/remzona-e2e-X/2e-X/price.csv`).
async fn type_path_into(dialog: &str, path: &Path) -> Result<()> {
    to_clipboard(&path.to_string_lossy()).await?;
    // Without a window manager X gives the keyboard to the window under the
    // pointer.
    xdotool(&["mousemove", "--window", dialog, "200", "200"]).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    xdotool(&["key", "--clearmodifiers", "ctrl+l"]).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Whatever an earlier attempt left in the bar goes.
    xdotool(&["key", "--clearmodifiers", "ctrl+a", "BackSpace", "ctrl+v"]).await?;
    tokio::time::sleep(Duration::from_millis(500)).await;
    xdotool(&["key", "Return"]).await
}

/// Makes `text` the clipboard's content (xclip keeps serving it in the
/// background until another owner takes over).
async fn to_clipboard(text: &str) -> Result<()> {
    use tokio::io::AsyncWriteExt;
    let mut xclip = Command::new("xclip")
        .args(["-selection", "clipboard"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    if let Some(mut stdin) = xclip.stdin.take() {
        stdin.write_all(text.as_bytes()).await?;
    }
    if !xclip.wait().await?.success() {
        return Err("xclip could not take the clipboard".into());
    }
    Ok(())
}

async fn xdotool(args: &[&str]) -> Result<()> {
    let done = Command::new("xdotool").args(args).status().await?;
    if !done.success() {
        return Err(format!("xdotool {args:?} failed").into());
    }
    Ok(())
}

/// The CSS selector of an element by its `data-testid`, the UI's stable hook for tests.
pub fn selector(testid: &str) -> String {
    format!("[data-testid=\"{testid}\"]")
}

async fn wait_for_port(port: u16) -> Result<()> {
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_ok()
        {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("tauri-driver did not open port {port}").into())
}
