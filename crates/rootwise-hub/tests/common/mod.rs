//! A throw-away PostgreSQL cluster for the hub's tests (never a mock), and
//! a hub served from it on 127.0.0.1.
//!
//! One cluster per test binary, in a temporary folder, reached through a
//! Unix socket only (no TCP port to clash with); each test gets a database
//! of its own. A watchdog process stops the cluster and removes the folder
//! when the test binary exits, however it exits. Run as root (as CI does),
//! the cluster runs as the `postgres` user: `initdb` refuses root.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

pub mod load;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::OnceLock;

use deadpool_postgres::Pool;
use rootwise_hub::{admin, db, server};

/// The cluster.
pub struct Pg {
    dir: PathBuf,
    port: u16,
    bin: PathBuf,
}

fn bin_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("ROOTWISE_PG_BIN") {
        return dir.into();
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path().join("bin"))
                .collect()
        })
        .unwrap_or_default();
    found.retain(|p| p.join("initdb").exists());
    found.sort();
    found.pop().unwrap_or_else(|| {
        panic!(
            "PostgreSQL's server binaries were not found (install Debian's postgresql package: \
             `make test` does; or set ROOTWISE_PG_BIN)"
        )
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// `program args` run as the cluster's owner.
fn as_owner(program: &Path) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    }
}

fn run(mut c: Command, what: &str) {
    let out = c.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

impl Pg {
    /// The test binary's cluster, started on first use.
    pub fn get() -> &'static Pg {
        static PG: OnceLock<Pg> = OnceLock::new();
        PG.get_or_init(Pg::start)
    }

    fn start() -> Pg {
        let bin = bin_dir();
        let dir = tempfile::Builder::new()
            .prefix("rootwise-pg-")
            .tempdir()
            .unwrap()
            .keep();
        if is_root() {
            run(
                {
                    let mut c = Command::new("chown");
                    c.args(["-R", "postgres:postgres"]).arg(&dir);
                    c
                },
                "chown",
            );
        }
        let data = dir.join("data");
        let mut init = as_owner(&bin.join("initdb"));
        init.arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"])
            .args(["--locale", "C"]);
        run(init, "initdb");
        let port = 20_000 + (std::process::id() % 20_000) as u16;
        let mut start = as_owner(&bin.join("pg_ctl"));
        start
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.join("log"))
            .arg("-o")
            .arg(format!(
                "-k {} -p {port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
                dir.display()
            ))
            .args(["-w", "start"]);
        run(start, "pg_ctl start");
        // Stops the cluster and removes its folder once this process is
        // gone, however it ends.
        let watchdog = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; \
             {stop} -D '{data}' -m immediate stop >/dev/null 2>&1; rm -rf '{dir}'",
            pid = std::process::id(),
            stop = if is_root() {
                format!("runuser -u postgres -- '{}'", bin.join("pg_ctl").display())
            } else {
                format!("'{}'", bin.join("pg_ctl").display())
            },
            data = data.display(),
            dir = dir.display(),
        );
        // Outlives this process on purpose: never waited for.
        #[allow(clippy::zombie_processes)]
        Command::new("sh")
            .args(["-c", &watchdog])
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        Pg { dir, port, bin }
    }

    /// Restarts PostgreSQL (fast shutdown: every connection is cut).
    pub fn restart(&self) {
        let mut c = as_owner(&self.bin.join("pg_ctl"));
        // The server's output goes to the log, not to this process's pipe
        // (which would then never close).
        c.arg("-D")
            .arg(self.dir.join("data"))
            .arg("-l")
            .arg(self.dir.join("log"))
            .args(["-m", "fast", "-w", "restart"]);
        run(c, "pg_ctl restart");
    }

    /// The connection string of database `name`.
    pub fn url(&self, name: &str) -> String {
        format!(
            "host={} port={} user=postgres dbname={name}",
            self.dir.display(),
            self.port
        )
    }

    /// A new, empty database.
    pub fn database(&self) -> String {
        static N: AtomicU32 = AtomicU32::new(0);
        let name = format!("hub_{}", N.fetch_add(1, Ordering::SeqCst));
        let bin = bin_dir();
        let mut c = as_owner(&bin.join("createdb"));
        c.arg("-h")
            .arg(&self.dir)
            .args(["-p", &self.port.to_string(), "-U", "postgres", &name]);
        run(c, "createdb");
        name
    }
}

/// A hub serving a fresh database on 127.0.0.1.
pub struct TestHub {
    pub address: String,
    pub pool: Pool,
    pub rt: tokio::runtime::Runtime,
    pub database: String,
    body_limit: usize,
    url: String,
    workers: usize,
    connections: usize,
    /// The service: a runtime of its own, as a process would be, so
    /// killing it cuts every connection it had.
    server: Option<tokio::runtime::Runtime>,
    /// Its certificate, when it speaks HTTPS.
    tls: Option<server::TlsFiles>,
}

impl TestHub {
    pub fn start() -> TestHub {
        Self::start_with(server::BODY_LIMIT)
    }

    pub fn start_with(body_limit: usize) -> TestHub {
        Self::start_sized(body_limit, 2, 8)
    }

    /// A hub speaking HTTPS with the certificate in `tls`, at
    /// `https://localhost:port`.
    pub fn start_tls(tls: server::TlsFiles) -> TestHub {
        Self::start_full(server::BODY_LIMIT, 2, 8, Some(tls))
    }

    /// A hub with `workers` runtime threads and `connections` to PostgreSQL.
    pub fn start_sized(body_limit: usize, workers: usize, connections: usize) -> TestHub {
        Self::start_full(body_limit, workers, connections, None)
    }

    fn start_full(
        body_limit: usize,
        workers: usize,
        connections: usize,
        tls: Option<server::TlsFiles>,
    ) -> TestHub {
        let pg = Pg::get();
        let database = pg.database();
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .enable_all()
            .build()
            .unwrap();
        let url = pg.url(&database);
        let pool = db::pool(&url, 2).unwrap();
        rt.block_on(db::migrate(&pool)).unwrap();
        let mut hub = TestHub {
            address: String::new(),
            pool,
            rt,
            database,
            body_limit,
            url,
            workers,
            connections,
            server: None,
            tls,
        };
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let at = listener.local_addr().unwrap();
        hub.address = match hub.tls {
            Some(_) => format!("https://localhost:{}", at.port()),
            None => format!("http://{at}"),
        };
        hub.serve(listener);
        hub
    }

    fn serve(&mut self, listener: std::net::TcpListener) {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(self.workers)
            .enable_all()
            .build()
            .unwrap();
        let pool = db::pool(&self.url, self.connections).unwrap();
        let app = server::router(server::Hub::new(pool), self.body_limit);
        let tls = self
            .tls
            .as_ref()
            .map(|files| rt.block_on(server::tls_config(files)).unwrap());
        rt.spawn(async move { server::serve(listener, app, tls, std::future::pending()).await });
        self.server = Some(rt);
    }

    /// Kills the service, as a crash would (every connection cut, requests
    /// in flight lost), and starts it again on the same address after `down`.
    pub fn kill_and_restart(&mut self, down: std::time::Duration) {
        if let Some(server) = self.server.take() {
            server.shutdown_background();
        }
        std::thread::sleep(down);
        let at = self
            .address
            .trim_start_matches("http://")
            .replace("https://localhost", "127.0.0.1");
        // The port may take a moment to be free again.
        for _ in 0..100 {
            if let Ok(listener) = std::net::TcpListener::bind(&at) {
                self.serve(listener);
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        panic!("could not listen on {at} again");
    }

    /// A user with a token.
    pub fn user(&self, name: &str) -> String {
        self.rt.block_on(admin::user_add(&self.pool, name)).unwrap()
    }

    /// A workspace with `id` whose members are `users`.
    pub fn workspace(&self, id: &str, users: &[&str]) {
        self.rt
            .block_on(admin::workspace_add(&self.pool, "Support team", Some(id)))
            .unwrap();
        for user in users {
            self.rt
                .block_on(admin::member_add(&self.pool, id, user))
                .unwrap();
        }
    }

    /// How many changes the hub holds for `workspace`, and how many distinct stamps.
    pub fn count(&self, workspace: &str) -> (i64, i64) {
        self.rt.block_on(async {
            let client = self.pool.get().await.unwrap();
            let row = client
                .query_one(
                    "SELECT count(*), count(DISTINCT hlc) FROM changes WHERE workspace_id = $1",
                    &[&workspace],
                )
                .await
                .unwrap();
            (row.get(0), row.get(1))
        })
    }
}
