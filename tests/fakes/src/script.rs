//! Scripted behaviour: what a fake answers to a given recipient, and which
//! delivery statuses it reports later.

use std::collections::{HashMap, VecDeque};
use std::str::FromStr;
use std::time::Duration;

use crate::record::Provider;

/// Stands for every recipient in a rule or a queue.
pub const ANY: &str = "*";

/// What a fake does with a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Behaviour {
    /// Take the message and answer success (the default).
    Accept,
    /// Refuse with the provider's own error code, in its own shape: SMSC's
    /// `error_code`, SMS.ru's `status_code`, Telegram's `error_code` (also
    /// the HTTP status, as Telegram does).
    Error(i64),
    /// Answer this HTTP status with a plain-text body, as a proxy or an
    /// overloaded front end would.
    Http(u16),
    /// HTTP 429 with `Retry-After` in seconds; for Telegram the JSON
    /// `{"error_code":429,"parameters":{"retry_after":N}}`.
    RateLimited(u64),
    /// Never answer: the client's timeout has to end the request.
    Hang,
    /// Take the message, but answer only after this long.
    Delay(Duration),
    /// Close the connection without an answer.
    Disconnect,
}

/// Text that is not a behaviour, from the `fake-gateways` command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptParseError(pub String);

impl std::error::Error for ScriptParseError {}

impl std::fmt::Display for ScriptParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "not a behaviour: {:?} (accept, error=N, http=N, rate=SECONDS, hang, delay=MS, disconnect)",
            self.0
        )
    }
}

impl FromStr for Behaviour {
    type Err = ScriptParseError;

    /// `accept`, `error=7`, `http=503`, `rate=5`, `hang`, `delay=1500`,
    /// `disconnect`.
    fn from_str(text: &str) -> Result<Behaviour, ScriptParseError> {
        let fail = || ScriptParseError(text.to_owned());
        let (name, value) = text.split_once('=').unwrap_or((text, ""));
        let number = || value.parse::<i64>().map_err(|_| fail());
        let unsigned = || value.parse::<u64>().map_err(|_| fail());
        Ok(match name {
            "accept" => Behaviour::Accept,
            "hang" => Behaviour::Hang,
            "disconnect" => Behaviour::Disconnect,
            "error" => Behaviour::Error(number()?),
            "http" => Behaviour::Http(value.parse().map_err(|_| fail())?),
            "rate" => Behaviour::RateLimited(unsigned()?),
            "delay" => Behaviour::Delay(Duration::from_millis(unsigned()?)),
            _ => return Err(fail()),
        })
    }
}

/// Which request of a provider a behaviour applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Endpoint {
    Send,
    Status,
}

type Key = (Provider, Endpoint, String);

/// The rules and queues of every provider. A queued behaviour is used once,
/// before any rule; a recipient's own entries come before [`ANY`]'s.
#[derive(Debug, Default)]
pub(crate) struct Script {
    once: HashMap<Key, VecDeque<Behaviour>>,
    rules: HashMap<Key, Behaviour>,
    deliveries: HashMap<(Provider, String), VecDeque<i64>>,
}

impl Script {
    pub(crate) fn rule(&mut self, key: Key, behaviour: Behaviour) {
        self.rules.insert(key, behaviour);
    }

    pub(crate) fn queue(&mut self, key: Key, behaviour: Behaviour) {
        self.once.entry(key).or_default().push_back(behaviour);
    }

    pub(crate) fn deliveries(&mut self, provider: Provider, recipient: &str, codes: Vec<i64>) {
        self.deliveries
            .insert((provider, recipient.to_owned()), codes.into());
    }

    pub(crate) fn clear(&mut self) {
        *self = Script::default();
    }

    /// The behaviour for this request, using up a queued one.
    pub(crate) fn next(
        &mut self,
        provider: Provider,
        endpoint: Endpoint,
        recipient: &str,
    ) -> Behaviour {
        for who in [recipient, ANY] {
            let key = (provider, endpoint, who.to_owned());
            if let Some(behaviour) = self.once.get_mut(&key).and_then(VecDeque::pop_front) {
                return behaviour;
            }
        }
        [recipient, ANY]
            .into_iter()
            .find_map(|who| self.rules.get(&(provider, endpoint, who.to_owned())))
            .cloned()
            .unwrap_or(Behaviour::Accept)
    }

    /// The next scripted delivery status for a recipient: each status
    /// request takes one code, and the last one stays.
    pub(crate) fn delivery(&mut self, provider: Provider, recipient: &str) -> Option<i64> {
        for who in [recipient, ANY] {
            if let Some(codes) = self.deliveries.get_mut(&(provider, who.to_owned())) {
                let code = if codes.len() > 1 {
                    codes.pop_front()
                } else {
                    codes.front().copied()
                };
                if code.is_some() {
                    return code;
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn behaviours_as_text() {
        let table = [
            ("accept", Some(Behaviour::Accept)),
            ("error=7", Some(Behaviour::Error(7))),
            ("error=-1", Some(Behaviour::Error(-1))),
            ("http=503", Some(Behaviour::Http(503))),
            ("rate=5", Some(Behaviour::RateLimited(5))),
            ("hang", Some(Behaviour::Hang)),
            (
                "delay=1500",
                Some(Behaviour::Delay(Duration::from_millis(1500))),
            ),
            ("disconnect", Some(Behaviour::Disconnect)),
            ("error", None),
            ("http=abc", None),
            ("sleep", None),
        ];
        for (text, expected) in table {
            assert_eq!(text.parse::<Behaviour>().ok(), expected, "{text}");
        }
    }

    #[test]
    fn queues_come_before_rules_and_recipients_before_any() {
        let mut script = Script::default();
        let key = |who: &str| (Provider::Smsc, Endpoint::Send, who.to_owned());
        script.rule(key(ANY), Behaviour::Http(503));
        script.rule(key("1"), Behaviour::Error(7));
        script.queue(key(ANY), Behaviour::Hang);
        script.queue(key("1"), Behaviour::Disconnect);
        let mut next = |who: &str| script.next(Provider::Smsc, Endpoint::Send, who);
        assert_eq!(next("1"), Behaviour::Disconnect);
        assert_eq!(next("1"), Behaviour::Hang);
        assert_eq!(next("1"), Behaviour::Error(7));
        assert_eq!(next("2"), Behaviour::Http(503));
        assert_eq!(
            script.next(Provider::SmsRu, Endpoint::Send, "1"),
            Behaviour::Accept
        );
        assert_eq!(
            script.next(Provider::Smsc, Endpoint::Status, "1"),
            Behaviour::Accept
        );
    }

    #[test]
    fn the_last_delivery_status_stays() {
        let mut script = Script::default();
        script.deliveries(Provider::Smsc, "1", vec![-1, 0, 1]);
        let codes: Vec<_> = (0..5)
            .map(|_| script.delivery(Provider::Smsc, "1"))
            .collect();
        assert_eq!(codes, [Some(-1), Some(0), Some(1), Some(1), Some(1)]);
        assert_eq!(script.delivery(Provider::Smsc, "2"), None);
        script.deliveries(Provider::Smsc, ANY, vec![20]);
        assert_eq!(script.delivery(Provider::Smsc, "2"), Some(20));
    }
}
