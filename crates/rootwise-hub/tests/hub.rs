//! The hub against a real PostgreSQL (a throw-away cluster: see
//! `common`): push and pull, pages, a retried push, tokens and
//! membership, a newer client, a body too large.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::TestHub;
use rootwise_core::problem::{self, NewProblem, ProblemEdit};
use rootwise_core::sync::copy::copy_for_workshop;
use rootwise_core::sync::hub::{self, PushRequest, Transport, WireChange};
use rootwise_core::sync::{canonical_dump, file, replica};
use rootwise_core::{Error, Workspace, SCHEMA_VERSION};
use rootwise_hub::admin;
use rootwise_hub::client::{HttpTransport, HubWorkspace};

/// The team's workspace and a copy of it, each with its own folder.
struct Two {
    _dir: tempfile::TempDir,
    office: Workspace,
    laptop: Workspace,
    id: String,
}

fn two() -> Two {
    let dir = tempfile::tempdir().unwrap();
    let mut office = Workspace::open(&dir.path().join("office.db")).unwrap();
    office
        .write("Karim", |w| {
            problem::create(
                w,
                &NewProblem {
                    title: "Refund never arrives".into(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap();
    let path = dir.path().join("laptop.db");
    copy_for_workshop(&office, &path, "Laptop").unwrap();
    let laptop = Workspace::open(&path).unwrap();
    let id = replica(office.conn()).unwrap().workspace_id;
    Two {
        _dir: dir,
        office,
        laptop,
        id,
    }
}

fn titles(ws: &Workspace, n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("Problem {i} from {}", replica(ws.conn()).unwrap().name))
        .collect()
}

fn add_problems(ws: &mut Workspace, who: &str, titles: &[String]) {
    for t in titles {
        ws.write(who, |w| {
            problem::create(
                w,
                &NewProblem {
                    title: t.clone(),
                    ..NewProblem::default()
                },
            )
        })
        .unwrap();
    }
}

/// A hub holding the office's workspace, and both copies synced through it.
fn both_synced() -> (TestHub, Two, String, HttpTransport) {
    let hub = TestHub::start();
    let token = hub.user("karim");
    let mut t = two();
    hub.workspace(&t.id, &["karim"]);
    let key = format!("{} {}", hub.address, t.id);
    let mut http = HttpTransport::new(&hub.address, &token).unwrap();
    hub::sync(&mut t.office, "Karim", &key, &mut http, 100).unwrap();
    hub::sync(&mut t.laptop, "Mona", &key, &mut http, 100).unwrap();
    (hub, t, key, http)
}

/// A push of every change the office holds, as a copy of `schema` would send it.
fn everything(t: &Two, schema: u32) -> PushRequest {
    PushRequest {
        workspace_id: t.id.clone(),
        replica_id: replica(t.office.conn()).unwrap().replica_id,
        schema_version: schema,
        changes: file::unseen(t.office.conn(), &file::Seen::new())
            .unwrap()
            .iter()
            .map(WireChange::from)
            .collect(),
    }
}

fn ids_titled(conn: &rusqlite::Connection, title: &str) -> Vec<String> {
    conn.prepare("SELECT id FROM problems WHERE title = ?1")
        .unwrap()
        .query_map([title], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn two_copies_sync_through_the_hub_page_by_page_and_end_the_same() {
    let hub = TestHub::start();
    let token = hub.user("karim");
    let mut t = two();
    hub.workspace(&t.id, &["karim"]);
    let key = format!("{} {}", hub.address, t.id);
    let mut office = HttpTransport::new(&hub.address, &token).unwrap();
    let mut laptop = HttpTransport::new(&hub.address, &token).unwrap();

    let office_titles = titles(&t.office, 25);
    add_problems(&mut t.office, "Karim", &office_titles);
    let laptop_titles = titles(&t.laptop, 7);
    add_problems(&mut t.laptop, "Mona", &laptop_titles);
    assert_eq!(
        hub::waiting(t.office.conn(), &key).unwrap(),
        26,
        "the setup's, and 25"
    );

    let first = hub::sync(&mut t.office, "Karim", &key, &mut office, 10).unwrap();
    assert_eq!((first.pulled, first.pushed), (0, 26));
    assert_eq!(hub::waiting(t.office.conn(), &key).unwrap(), 0);
    // Pages of 4: the laptop pulls the office's 26 in 7 pages (the first
    // it had already, from the copy), then pushes its 7.
    let second = hub::sync(&mut t.laptop, "Mona", &key, &mut laptop, 4).unwrap();
    assert_eq!(
        (second.pulled, second.pushed, second.pages),
        (25, 7, 7),
        "{second:?}"
    );
    let third = hub::sync(&mut t.office, "Karim", &key, &mut office, 4).unwrap();
    assert_eq!((third.pulled, third.pushed), (7, 0));
    assert_eq!(
        canonical_dump(t.office.conn()).unwrap(),
        canonical_dump(t.laptop.conn()).unwrap()
    );
    // Each change is on the hub once.
    let (rows, stamps) = hub.count(&t.id);
    assert_eq!((rows, stamps), (33, 33));
    // A sync with nothing new does nothing.
    let again = hub::sync(&mut t.laptop, "Mona", &key, &mut laptop, 4).unwrap();
    assert_eq!((again.pulled, again.pushed), (0, 0));
    // History keeps who made each change on their own machine.
    let laptop_problem = ids_titled(t.office.conn(), &laptop_titles[0]);
    assert_eq!(laptop_problem.len(), 1);
    let history =
        rootwise_core::history::for_entity(t.office.conn(), "problem", &laptop_problem[0]).unwrap();
    assert!(history.iter().all(|h| h.author == "Mona"), "{history:?}");
}

#[test]
fn a_push_retried_after_a_lost_answer_stores_nothing_twice() {
    let hub = TestHub::start();
    let token = hub.user("huda");
    let mut t = two();
    hub.workspace(&t.id, &["huda"]);
    let new = titles(&t.office, 3);
    add_problems(&mut t.office, "Huda", &new);
    let me = replica(t.office.conn()).unwrap();
    let request = everything(&t, SCHEMA_VERSION);
    let mut http = HttpTransport::new(&hub.address, &token).unwrap();
    let first = http.push(&request).unwrap();
    assert_eq!((first.accepted, first.already_here), (4, 0));
    let retried = http.push(&request).unwrap();
    assert_eq!((retried.accepted, retried.already_here), (0, 4));
    assert_eq!(hub.count(&t.id), (4, 4));
    assert_eq!(
        retried.holds.get(&me.replica_id),
        request.changes.last().map(|c| &c.hlc)
    );
    // Pulled, they are four, once each, in the order they were made.
    let page = http.pull(&t.id, 0, 100).unwrap();
    assert_eq!(page.changes, request.changes);
    assert!(!page.more);
    assert_eq!(page.schema_version, SCHEMA_VERSION);
    let empty = http.pull(&t.id, page.next, 100).unwrap();
    assert!(empty.changes.is_empty() && empty.next == page.next);
    drop(t.laptop);
}

#[test]
fn tokens_and_membership_are_checked_on_every_request() {
    let hub = TestHub::start();
    let karim = hub.user("karim");
    let mona = hub.user("mona");
    let mut t = two();
    hub.workspace(&t.id, &["karim"]);
    let other = "019a0000-0000-7000-8000-00000000beef";
    hub.workspace(other, &["mona"]);
    let key = format!("{} {}", hub.address, t.id);

    // No token, a wrong one, one of another shape.
    for token in ["", "rwh_not-a-token", "Bearer"] {
        let mut http = HttpTransport::new(&hub.address, token).unwrap();
        assert!(matches!(
            hub::sync(&mut t.office, "Karim", &key, &mut http, 100),
            Err(Error::HubTokenRefused)
        ));
    }
    // Mona belongs to the other workspace only: she can neither read nor
    // write this one.
    let mut http = HttpTransport::new(&hub.address, &mona).unwrap();
    assert!(matches!(http.pull(&t.id, 0, 10), Err(Error::HubNotMember)));
    assert!(matches!(
        hub::sync(&mut t.office, "Karim", &key, &mut http, 100),
        Err(Error::HubNotMember)
    ));
    assert_eq!(
        http.workspaces().unwrap(),
        vec![HubWorkspace {
            id: other.into(),
            name: "Support team".into()
        }]
    );
    assert_eq!(hub.count(&t.id), (0, 0), "nothing of hers got in");

    // Karim's token works until it is revoked, then at once it does not.
    let mut http = HttpTransport::new(&hub.address, &karim).unwrap();
    hub::sync(&mut t.office, "Karim", &key, &mut http, 100).unwrap();
    assert_eq!(hub.count(&t.id).0, 1);
    let revoked = hub
        .rt
        .block_on(admin::tokens_revoke(&hub.pool, "karim"))
        .unwrap();
    assert_eq!(revoked, 1);
    let new = titles(&t.office, 1);
    add_problems(&mut t.office, "Karim", &new);
    assert!(matches!(
        hub::sync(&mut t.office, "Karim", &key, &mut http, 100),
        Err(Error::HubTokenRefused)
    ));
    assert_eq!(
        hub::waiting(t.office.conn(), &key).unwrap(),
        1,
        "kept to send later"
    );
    // A new token picks up where it stopped.
    let fresh = hub
        .rt
        .block_on(admin::token_add(&hub.pool, "karim"))
        .unwrap();
    let mut http = HttpTransport::new(&hub.address, &fresh).unwrap();
    let done = hub::sync(&mut t.office, "Karim", &key, &mut http, 100).unwrap();
    assert_eq!(done.pushed, 1);
    // A member taken out is refused.
    hub.rt
        .block_on(admin::member_remove(&hub.pool, &t.id, "karim"))
        .unwrap();
    assert!(matches!(http.pull(&t.id, 0, 10), Err(Error::HubNotMember)));
    drop(t.laptop);
}

#[test]
fn a_newer_client_is_refused_clearly_and_nothing_is_stored() {
    let hub = TestHub::start();
    let token = hub.user("karim");
    let t = two();
    hub.workspace(&t.id, &["karim"]);
    let request = everything(&t, SCHEMA_VERSION + 1);
    let mut http = HttpTransport::new(&hub.address, &token).unwrap();
    match http.push(&request) {
        Err(Error::HubTooOld { reason }) => {
            assert!(reason.contains("update the hub"), "{reason}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(hub.count(&t.id), (0, 0));
}

#[test]
fn a_body_of_100_mb_is_refused_and_the_hub_stays_up() {
    let hub = TestHub::start();
    let token = hub.user("karim");
    let mut t = two();
    hub.workspace(&t.id, &["karim"]);
    let huge = WireChange {
        hlc: "000001780000000-000000-x".into(),
        author: "Karim".into(),
        changeset: "A".repeat(100 * 1024 * 1024),
        knew: Default::default(),
        history: Vec::new(),
        in_trash: Default::default(),
    };
    let request = PushRequest {
        workspace_id: t.id.clone(),
        replica_id: "x".into(),
        schema_version: SCHEMA_VERSION,
        changes: vec![huge],
    };
    let mut http = HttpTransport::new(&hub.address, &token).unwrap();
    match http.push(&request) {
        Err(Error::HubRefused { .. }) | Err(Error::HubUnreachable { .. }) => {}
        other => panic!("expected a refusal, got {other:?}"),
    }
    drop(request);
    // Still up, and a normal sync works.
    let key = format!("{} {}", hub.address, t.id);
    let done = hub::sync(&mut t.office, "Karim", &key, &mut http, 100).unwrap();
    assert_eq!(done.pushed, 1);
    assert_eq!(hub.count(&t.id), (1, 1));
}

#[test]
fn an_edit_made_offline_on_both_sides_converges_through_the_hub() {
    let (_hub, mut t, key, mut http) = both_synced();
    let p = ids_titled(t.office.conn(), "Refund never arrives")[0].clone();
    let id = p.parse().unwrap();
    t.office
        .write("Karim", |w| {
            rootwise_core::workflow::edit_problem(w, id, &ProblemEdit::Owner("Karim".into()))
        })
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    t.laptop
        .write("Mona", |w| {
            rootwise_core::workflow::edit_problem(w, id, &ProblemEdit::Owner("Mona".into()))
        })
        .unwrap();
    hub::sync(&mut t.office, "Karim", &key, &mut http, 100).unwrap();
    let laptop = hub::sync(&mut t.laptop, "Mona", &key, &mut http, 100).unwrap();
    assert_eq!(
        laptop.merged.overwritten, 1,
        "the office's older value is listed for review"
    );
    hub::sync(&mut t.office, "Karim", &key, &mut http, 100).unwrap();
    for ws in [&t.office, &t.laptop] {
        assert_eq!(problem::get_live(ws.conn(), id).unwrap().owner, "Mona");
    }
    assert_eq!(
        canonical_dump(t.office.conn()).unwrap(),
        canonical_dump(t.laptop.conn()).unwrap()
    );
}

#[test]
fn after_the_hub_is_restored_from_an_older_backup_nothing_is_lost() {
    let (hub, mut t, key, mut http) = both_synced();
    // The backup is taken here.
    let backup: i64 = hub.rt.block_on(async {
        let c = hub.pool.get().await.unwrap();
        c.query_one("SELECT max(seq) FROM changes", &[])
            .await
            .unwrap()
            .get(0)
    });
    let office_titles = titles(&t.office, 3);
    add_problems(&mut t.office, "Karim", &office_titles);
    hub::sync(&mut t.office, "Karim", &key, &mut http, 100).unwrap();
    hub::sync(&mut t.laptop, "Mona", &key, &mut http, 100).unwrap();
    // The hub is restored from the backup: the office's three are gone
    // from it, and its sequence goes back too.
    hub.rt.block_on(async {
        let c = hub.pool.get().await.unwrap();
        c.batch_execute(&format!(
            "DELETE FROM changes WHERE seq > {backup};
             DELETE FROM holds;
             INSERT INTO holds SELECT workspace_id, replica_id, max(hlc) FROM changes GROUP BY 1, 2;
             SELECT setval('changes_seq_seq', {backup});"
        ))
        .await
        .unwrap();
    });
    hub.rt.block_on(admin::restored(&hub.pool)).unwrap();
    // The laptop adds one (it gets a place the office's cursor had passed).
    let laptop_titles = titles(&t.laptop, 1);
    add_problems(&mut t.laptop, "Mona", &laptop_titles);
    let laptop = hub::sync(&mut t.laptop, "Mona", &key, &mut http, 100).unwrap();
    assert_eq!(
        laptop.pushed, 4,
        "its own and the office's three, which the hub lost"
    );
    let office = hub::sync(&mut t.office, "Karim", &key, &mut http, 100).unwrap();
    assert_eq!(office.pulled, 1, "{office:?}");
    assert_eq!(
        canonical_dump(t.office.conn()).unwrap(),
        canonical_dump(t.laptop.conn()).unwrap()
    );
    assert_eq!(hub.count(&t.id), (5, 5));
}

/// A certificate authority a team made itself, and a certificate it
/// signed for `localhost`, written as PEM files in `dir`; answers the
/// authority's PEM and the hub's files.
fn team_certificate(dir: &std::path::Path) -> (String, rootwise_hub::server::TlsFiles) {
    let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let ca = rcgen::CertifiedIssuer::self_signed(ca_params, rcgen::KeyPair::generate().unwrap())
        .unwrap();
    let key = rcgen::KeyPair::generate().unwrap();
    let cert = rcgen::CertificateParams::new(vec!["localhost".to_owned()])
        .unwrap()
        .signed_by(&key, &ca)
        .unwrap();
    let files = rootwise_hub::server::TlsFiles {
        cert: dir.join("hub.pem"),
        key: dir.join("hub.key"),
    };
    std::fs::write(&files.cert, cert.pem()).unwrap();
    std::fs::write(&files.key, key.serialize_pem()).unwrap();
    (ca.pem(), files)
}

#[test]
fn a_hub_given_a_certificate_speaks_https_and_clients_check_it() {
    let dir = tempfile::tempdir().unwrap();
    let (authority, files) = team_certificate(dir.path());
    let hub = TestHub::start_tls(files);
    assert!(
        hub.address.starts_with("https://localhost:"),
        "{}",
        hub.address
    );
    let token = hub.user("karim");
    let mut t = two();
    hub.workspace(&t.id, &["karim"]);
    let key = format!("{} {}", hub.address, t.id);

    // A client trusting the team's authority syncs as over plain HTTP.
    let mut trusted = HttpTransport::trusting(&hub.address, &token, authority.as_bytes()).unwrap();
    assert_eq!(trusted.workspaces().unwrap().len(), 1);
    let office_titles = titles(&t.office, 3);
    add_problems(&mut t.office, "Karim", &office_titles);
    hub::sync(&mut t.office, "Karim", &key, &mut trusted, 100).unwrap();
    hub::sync(&mut t.laptop, "Mona", &key, &mut trusted, 100).unwrap();
    assert_eq!(ids_titled(t.laptop.conn(), &office_titles[2]).len(), 1);

    // One that trusts only public authorities refuses the certificate, and
    // says so; nothing is sent.
    let mut public = HttpTransport::new(&hub.address, &token).unwrap();
    match public.workspaces() {
        Err(Error::HubUnreachable { reason }) => {
            assert!(reason.to_lowercase().contains("certificate"), "{reason}");
        }
        other => panic!("a certificate from an unknown authority was taken: {other:?}"),
    }
    // Plain HTTP to the HTTPS port gets no answer to read.
    let mut plain =
        HttpTransport::new(&hub.address.replace("https://", "http://"), &token).unwrap();
    assert!(matches!(
        plain.workspaces(),
        Err(Error::HubUnreachable { .. })
    ));
    // A certificate to trust that is not PEM is refused before connecting.
    assert!(matches!(
        HttpTransport::trusting(&hub.address, &token, b"not a certificate"),
        Err(Error::HubUnreachable { .. })
    ));
}

#[test]
fn a_certificate_that_cannot_be_used_is_refused_naming_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let files = rootwise_hub::server::TlsFiles {
        cert: dir.path().join("hub.pem"),
        key: dir.path().join("hub.key"),
    };
    std::fs::write(
        &files.cert,
        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n",
    )
    .unwrap();
    std::fs::write(&files.key, "no key here").unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let err = rt
        .block_on(rootwise_hub::server::tls_config(&files))
        .unwrap_err();
    assert!(
        matches!(err, rootwise_hub::db::HubError::Tls { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("hub.pem"), "{err}");
}
