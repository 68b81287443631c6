//! Limits per IP address: messages, new conversations, open connections (token buckets). A flood
//! gets a polite "slow down", never more work for the engine. The limit per conversation lives with
//! the session ([`Bucket`]).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// A token bucket: `burst` tokens at most, refilled at `per_minute`.
#[derive(Debug, Clone)]
pub struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Bucket {
    pub fn full(burst: u32, now: Instant) -> Bucket {
        Bucket { tokens: burst as f64, last: now }
    }

    fn refill(&mut self, now: Instant, per_minute: f64, burst: u32) {
        let secs = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + secs * per_minute / 60.0).min(burst as f64);
        self.last = now;
    }

    /// Takes one token if there is one.
    pub fn take(&mut self, now: Instant, per_minute: f64, burst: u32) -> bool {
        self.refill(now, per_minute, burst);
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Whether the bucket has filled up again (nothing to remember).
    pub fn is_full(&self, now: Instant, per_minute: f64, burst: u32) -> bool {
        let mut b = self.clone();
        b.refill(now, per_minute, burst);
        b.tokens >= burst as f64
    }
}

/// Rates, from `[web]`.
#[derive(Debug, Clone, Copy)]
pub struct Rates {
    pub ip_per_minute: u32,
    pub ip_burst: u32,
    pub sessions_per_hour: u32,
    pub max_connections: u32,
}

impl Rates {
    fn messages(&self) -> (f64, u32) {
        (self.ip_per_minute as f64, self.ip_burst.max(1))
    }

    /// New conversations: up to the hourly number at once, refilled over the hour.
    fn sessions(&self) -> (f64, u32) {
        (self.sessions_per_hour as f64 / 60.0, self.sessions_per_hour.max(1))
    }
}

struct IpState {
    messages: Bucket,
    sessions: Bucket,
    connections: u32,
}

/// Buckets per address. IPv6 addresses count per /64 (one household or phone gets a whole /64).
pub struct IpLimits {
    rates: Rates,
    ips: Mutex<HashMap<IpAddr, IpState>>,
}

/// The key an address is counted under.
pub fn ip_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

impl IpLimits {
    pub fn new(rates: Rates) -> Arc<IpLimits> {
        Arc::new(IpLimits { rates, ips: Mutex::new(HashMap::new()) })
    }

    fn with<T>(&self, ip: IpAddr, f: impl FnOnce(&mut IpState, Instant, &Rates) -> T) -> T {
        let now = Instant::now();
        let r = self.rates;
        let mut ips = self.ips.lock().unwrap_or_else(|e| e.into_inner());
        let st = ips.entry(ip_key(ip)).or_insert_with(|| IpState {
            messages: Bucket::full(r.messages().1, now),
            sessions: Bucket::full(r.sessions().1, now),
            connections: 0,
        });
        f(st, now, &r)
    }

    /// One message from `ip`, if its rate allows.
    pub fn message(&self, ip: IpAddr) -> bool {
        self.with(ip, |st, now, r| {
            let (rate, burst) = r.messages();
            st.messages.take(now, rate, burst)
        })
    }

    /// A new conversation from `ip`, if its rate allows.
    pub fn new_session(&self, ip: IpAddr) -> bool {
        self.with(ip, |st, now, r| {
            let (rate, burst) = r.sessions();
            st.sessions.take(now, rate, burst)
        })
    }

    /// An open connection from `ip`, released when the guard is dropped.
    pub fn connect(self: &Arc<Self>, ip: IpAddr) -> Option<ConnectionGuard> {
        let ok = self.with(ip, |st, _, r| {
            if st.connections >= r.max_connections {
                return false;
            }
            st.connections += 1;
            true
        });
        ok.then(|| ConnectionGuard { limits: self.clone(), ip })
    }

    /// Forgets addresses whose buckets are full and that have no connection open.
    pub fn sweep(&self) {
        let now = Instant::now();
        let r = self.rates;
        let mut ips = self.ips.lock().unwrap_or_else(|e| e.into_inner());
        let (mr, mb) = r.messages();
        let (sr, sb) = r.sessions();
        ips.retain(|_, st| st.connections > 0 || !st.messages.is_full(now, mr, mb) || !st.sessions.is_full(now, sr, sb));
    }

    /// Addresses remembered right now.
    pub fn len(&self) -> usize {
        self.ips.lock().unwrap_or_else(|e| e.into_inner()).len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Counts one open connection until dropped.
pub struct ConnectionGuard {
    limits: Arc<IpLimits>,
    ip: IpAddr,
}

impl Drop for ConnectionGuard {
    fn drop(&mut self) {
        self.limits.with(self.ip, |st, _, _| st.connections = st.connections.saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_bucket_allows_a_burst_then_the_rate() {
        let t0 = Instant::now();
        let mut b = Bucket::full(3, t0);
        assert!((0..3).all(|_| b.take(t0, 60.0, 3)));
        assert!(!b.take(t0, 60.0, 3), "burst used up");
        assert!(b.take(t0 + Duration::from_millis(1100), 60.0, 3), "one per second comes back");
        assert!(!b.take(t0 + Duration::from_millis(1200), 60.0, 3));
        assert!(b.is_full(t0 + Duration::from_secs(10), 60.0, 3));
    }

    #[test]
    fn connections_are_counted_per_address_and_released() {
        let l = IpLimits::new(Rates { ip_per_minute: 60, ip_burst: 2, sessions_per_hour: 2, max_connections: 2 });
        let a: IpAddr = "192.0.2.1".parse().unwrap();
        let g1 = l.connect(a).unwrap();
        let _g2 = l.connect(a).unwrap();
        assert!(l.connect(a).is_none());
        assert!(l.connect("192.0.2.2".parse().unwrap()).is_some(), "another address has its own count");
        drop(g1);
        assert!(l.connect(a).is_some());
        assert!(l.message(a) && l.message(a) && !l.message(a));
        assert!(l.new_session(a) && l.new_session(a) && !l.new_session(a));
    }

    #[test]
    fn ipv6_counts_per_64_and_mapped_v4_as_v4() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        assert_eq!(ip_key(a), ip_key(b));
        assert_eq!(ip_key("::ffff:192.0.2.7".parse().unwrap()), "192.0.2.7".parse::<IpAddr>().unwrap());
    }
}
