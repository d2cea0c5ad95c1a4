//! A facilitator builds a persona from customers' own words, runs an
//! empathy-map workshop (notes, groups, a private-writing round, a dot
//! vote) and links what was learned to a problem and a why node.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use chrono::Duration;
use rootwise_core::analysis::{self, NewAnalysis, NewWhy};
use rootwise_core::empathy::{self, Area, MapEdit, NewMap, NewNote, NoteColour, NoteEdit, Phase};
use rootwise_core::error::{Error, Rule};
use rootwise_core::ids::{MapId, NoteId, PersonaId, ProblemId, WhyId};
use rootwise_core::persona::{self, NewPersona, PersonaEdit, QuoteInput, QuoteSource};
use rootwise_core::problem::{self, Channel, NewProblem};
use rootwise_core::{history, time, trash, workflow, Workspace};

fn rules(e: Error) -> Vec<(String, Rule)> {
    match e {
        Error::InvalidInput(fields) => fields.into_iter().map(|f| (f.field, f.rule)).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

struct Fixture {
    ws: Workspace,
    persona: PersonaId,
    problem: ProblemId,
    why: WhyId,
    map: MapId,
}

fn fixture() -> Fixture {
    let mut ws = Workspace::open_in_memory().unwrap();
    let (persona, problem, why, map) = ws
        .write("Mona", |w| {
            let persona = persona::create(
                w,
                &NewPersona {
                    name: "سلمى، صاحبة متجر إلكتروني".into(),
                    role: Some("تدير الطلبات والمرتجعات وحدها".into()),
                    channels: Some(vec![Channel::Chat, Channel::Email, Channel::Chat]),
                    ..NewPersona::default()
                },
            )?;
            let problem = problem::create(
                w,
                &NewProblem {
                    title: "العملاء لا يجدون حالة المرتجع".into(),
                    ..NewProblem::default()
                },
            )?;
            let a = analysis::create_analysis(
                w,
                &NewAnalysis {
                    problem_id: problem.id.to_string(),
                    title: "لماذا لا تظهر حالة المرتجع؟".into(),
                    ..NewAnalysis::default()
                },
            )?;
            let why = workflow::add_why(
                w,
                a.id,
                &NewWhy {
                    text: "صفحة الطلب لا تعرض خطوات الاسترداد".into(),
                    ..NewWhy::default()
                },
            )?;
            let map = empathy::create_map(
                w,
                &NewMap {
                    persona_id: persona.id.to_string(),
                    title: "ورشة المرتجعات".into(),
                    problem_id: Some(problem.id.to_string()),
                    held_on: None,
                    participants: Some(vec!["Mona".into(), "Karim".into(), " Mona ".into()]),
                    votes_per_person: Some(2),
                },
            )?;
            Ok((persona.id, problem.id, why.id, map.id))
        })
        .unwrap()
        .value;
    Fixture {
        ws,
        persona,
        problem,
        why,
        map,
    }
}

fn note(ws: &mut Workspace, map: MapId, area: Area, text: &str) -> NoteId {
    ws.write("Mona", |w| {
        empathy::add_note(
            w,
            &NewNote {
                map_id: map.to_string(),
                area,
                text: text.into(),
                colour: None,
                author: Some("Mona".into()),
                group_id: None,
            },
        )
    })
    .unwrap()
    .value
    .id
}

#[test]
fn a_persona_is_built_from_sourced_quotes_and_refuses_bad_input() {
    let mut f = fixture();
    let p = persona::get(f.ws.conn(), f.persona).unwrap();
    assert_eq!(
        p.channels,
        vec![Channel::Chat, Channel::Email],
        "repeats dropped"
    );
    assert!(!p.has_picture, "a picture is never required");

    // A ticket quote needs its reference; every broken rule is reported.
    let bad =
        f.ws.write("Mona", |w| {
            persona::add_quote(
                w,
                f.persona,
                &QuoteInput {
                    text: "  ".into(),
                    source: QuoteSource::SupportTicket,
                    reference: None,
                    said_on: time::today_utc() + Duration::days(5),
                },
            )
        })
        .unwrap_err();
    assert_eq!(
        rules(bad),
        vec![
            ("text".into(), Rule::Required),
            ("reference".into(), Rule::Required),
            ("saidOn".into(), Rule::InFuture)
        ]
    );
    let older =
        f.ws.write("Mona", |w| {
            persona::add_quote(
                w,
                f.persona,
                &QuoteInput {
                    text: "أرسلت الطلب ثلاث مرات ولم يرد أحد".into(),
                    source: QuoteSource::SupportTicket,
                    reference: Some("TCK-4417".into()),
                    said_on: time::today_utc() - Duration::days(3),
                },
            )
        })
        .unwrap()
        .value;
    let newer =
        f.ws.write("Mona", |w| {
            persona::add_quote(
                w,
                f.persona,
                &QuoteInput {
                    text: "I just want to know where my money is.".into(),
                    source: QuoteSource::Interview,
                    reference: None,
                    said_on: time::today_utc(),
                },
            )
        })
        .unwrap()
        .value;
    let detail = persona::detail(f.ws.conn(), f.persona).unwrap();
    assert_eq!(
        detail.quotes.iter().map(|q| q.id).collect::<Vec<_>>(),
        vec![newer.id, older.id],
        "most recent first"
    );
    assert_eq!(detail.quotes[1].reference, "TCK-4417");
    let card = persona::list(f.ws.conn()).unwrap().remove(0);
    assert_eq!(card.quote_count, 2);
    assert_eq!(card.lead_quote.unwrap().id, newer.id);
    assert_eq!(card.map_count, 1);

    // Editing a quote records each changed field; a bad edit changes nothing.
    f.ws.write("Mona", |w| {
        persona::edit_quote(
            w,
            older.id,
            &QuoteInput {
                text: "أرسلت الطلب ثلاث مرات".into(),
                source: QuoteSource::CallRecording,
                reference: Some("call-0932".into()),
                said_on: older.said_on,
            },
        )
    })
    .unwrap();
    let h = history::for_entity(f.ws.conn(), persona::QUOTE, &older.id.to_string()).unwrap();
    let fields: Vec<_> = h.iter().filter_map(|e| e.field.as_deref()).collect();
    assert_eq!(fields, vec!["text", "text", "source", "reference"]);

    // Field edits are checked and recorded.
    let err =
        f.ws.write("Mona", |w| {
            persona::edit(w, f.persona, &PersonaEdit::Name(" ".into()))
        })
        .unwrap_err();
    assert_eq!(rules(err), vec![("name".into(), Rule::Required)]);
    f.ws.write("Mona", |w| {
        persona::edit(w, f.persona, &PersonaEdit::Fears("أن يضيع المبلغ".into()))
    })
    .unwrap();
    let h = history::for_entity(f.ws.conn(), persona::ENTITY, &f.persona.to_string()).unwrap();
    assert!(h
        .iter()
        .any(|e| e.field.as_deref() == Some("fears")
            && e.new_value.as_deref() == Some("أن يضيع المبلغ")));

    // A deleted quote goes to the trash and comes back.
    f.ws.write("Mona", |w| persona::delete_quote(w, newer.id))
        .unwrap();
    assert_eq!(
        persona::detail(f.ws.conn(), f.persona)
            .unwrap()
            .quotes
            .len(),
        1
    );
    assert!(trash::list(f.ws.conn())
        .unwrap()
        .iter()
        .any(|t| t.entity == "quote" && t.id == newer.id.to_string()));
    f.ws.write("Mona", |w| {
        trash::restore(w, "quote", &newer.id.to_string())
    })
    .unwrap();
    assert_eq!(
        persona::detail(f.ws.conn(), f.persona)
            .unwrap()
            .quotes
            .len(),
        2
    );
}

fn png(width: u32, height: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend_from_slice(&13u32.to_be_bytes());
    b.extend_from_slice(b"IHDR");
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

#[test]
fn a_picture_is_checked_stored_in_the_workspace_and_replaced() {
    let mut f = fixture();
    for (bytes, rule) in [
        (b"GIF89a not allowed".to_vec(), Rule::NotImage),
        (vec![0u8; 50 << 20], Rule::TooLarge),
    ] {
        let err =
            f.ws.write("Mona", |w| persona::set_picture(w, f.persona, &bytes))
                .unwrap_err();
        assert_eq!(rules(err), vec![("picture".into(), rule)]);
    }
    assert!(!persona::get(f.ws.conn(), f.persona).unwrap().has_picture);
    let p =
        f.ws.write("Mona", |w| {
            persona::set_picture(w, f.persona, &png(320, 240))
        })
        .unwrap()
        .value;
    assert!(p.has_picture);
    let pic = persona::read::picture(f.ws.conn(), f.persona)
        .unwrap()
        .unwrap();
    assert_eq!((pic.mime, pic.width, pic.height), ("image/png", 320, 240));
    // A bad replacement leaves the stored picture as it was.
    f.ws.write("Mona", |w| persona::set_picture(w, f.persona, b"nope"))
        .unwrap_err();
    assert_eq!(
        persona::read::picture(f.ws.conn(), f.persona)
            .unwrap()
            .unwrap()
            .width,
        320
    );
    f.ws.write("Mona", |w| persona::clear_picture(w, f.persona))
        .unwrap();
    assert!(persona::read::picture(f.ws.conn(), f.persona)
        .unwrap()
        .is_none());
    let h = history::for_entity(f.ws.conn(), persona::ENTITY, &f.persona.to_string()).unwrap();
    let pics: Vec<_> = h
        .iter()
        .filter(|e| e.field.as_deref() == Some("picture"))
        .map(|e| (e.old_value.clone(), e.new_value.clone()))
        .collect();
    assert_eq!(
        pics,
        vec![
            (None, Some("image/png 320×240".into())),
            (Some("image/png 320×240".into()), None)
        ]
    );
}

#[test]
fn personas_link_to_problems_both_ways_and_duplicate_as_templates() {
    let mut f = fixture();
    f.ws.write("Mona", |w| {
        persona::link_problem(w, f.persona, f.problem)?;
        persona::link_problem(w, f.persona, f.problem)
    })
    .unwrap();
    let d = persona::detail(f.ws.conn(), f.persona).unwrap();
    assert_eq!(d.problems.len(), 1);
    assert_eq!(d.problems[0].id, f.problem);
    let from_problem = persona::for_problem(f.ws.conn(), f.problem).unwrap();
    assert_eq!(from_problem.len(), 1);
    assert_eq!(from_problem[0].id, f.persona);
    assert_eq!(
        persona::maps_for_problem(f.ws.conn(), f.problem).unwrap()[0].id,
        f.map
    );
    let ph = history::for_entity(f.ws.conn(), problem::ENTITY, &f.problem.to_string()).unwrap();
    assert!(ph.iter().any(|e| e.field.as_deref() == Some("personas")));

    f.ws.write("Mona", |w| {
        persona::add_quote(
            w,
            f.persona,
            &QuoteInput {
                text: "قالت: لا أعرف أين وصل طلبي".into(),
                source: QuoteSource::Survey,
                reference: None,
                said_on: time::today_utc(),
            },
        )
    })
    .unwrap();
    let copy =
        f.ws.write("Mona", |w| persona::duplicate(w, f.persona, "سلمى (نسخة)"))
            .unwrap()
            .value;
    assert_eq!(copy.role, "تدير الطلبات والمرتجعات وحدها");
    assert_eq!(copy.channels, vec![Channel::Chat, Channel::Email]);
    let cd = persona::detail(f.ws.conn(), copy.id).unwrap();
    assert!(cd.quotes.is_empty() && cd.problems.is_empty() && cd.maps.is_empty());

    f.ws.write("Mona", |w| persona::unlink_problem(w, f.persona, f.problem))
        .unwrap();
    assert!(persona::for_problem(f.ws.conn(), f.problem)
        .unwrap()
        .is_empty());

    // Trashing a persona hides its maps; restoring brings them back.
    f.ws.write("Mona", |w| persona::delete(w, f.persona))
        .unwrap();
    assert!(empathy::list_maps(f.ws.conn()).unwrap().is_empty());
    assert!(workflow::board(f.ws.conn(), f.map).is_err());
    let listed = trash::list(f.ws.conn()).unwrap();
    assert!(listed.iter().any(|t| t.entity == "persona"));
    assert!(
        !listed.iter().any(|t| t.entity == "empathy_map"),
        "went with its persona"
    );
    f.ws.write("Mona", |w| {
        trash::restore(w, "persona", &f.persona.to_string())
    })
    .unwrap();
    assert_eq!(empathy::list_maps(f.ws.conn()).unwrap().len(), 1);
}

#[test]
fn notes_are_added_edited_moved_grouped_and_deleted_with_undo() {
    let mut f = fixture();
    let a = note(&mut f.ws, f.map, Area::Says, "«أين أموالي؟»");
    let b = note(&mut f.ws, f.map, Area::Says, "يتصل بالدعم كل يوم");
    let c = note(&mut f.ws, f.map, Area::Feels, "قلق");

    // An empty note is refused and nothing else changes.
    let err =
        f.ws.write("Mona", |w| {
            empathy::add_note(
                w,
                &NewNote {
                    map_id: f.map.to_string(),
                    area: Area::Thinks,
                    text: "   ".into(),
                    colour: None,
                    author: None,
                    group_id: None,
                },
            )
        })
        .unwrap_err();
    assert_eq!(rules(err), vec![("text".into(), Rule::Required)]);
    assert_eq!(workflow::board(f.ws.conn(), f.map).unwrap().notes.len(), 3);

    // Move b to Does, then c before it; order follows positions.
    f.ws.write("Mona", |w| {
        empathy::edit_note(
            w,
            b,
            &NoteEdit::Move {
                area: Area::Does,
                before: None,
            },
        )?;
        empathy::edit_note(
            w,
            c,
            &NoteEdit::Move {
                area: Area::Does,
                before: Some(b.to_string()),
            },
        )?;
        empathy::edit_note(w, a, &NoteEdit::Colour(NoteColour::Pink))?;
        empathy::edit_note(w, a, &NoteEdit::Text("«أين أموالي يا ناس؟»".into()))
    })
    .unwrap();
    let board = workflow::board(f.ws.conn(), f.map).unwrap();
    let does: Vec<_> = board
        .notes
        .iter()
        .filter(|n| n.area == Area::Does)
        .map(|n| n.id)
        .collect();
    assert_eq!(does, vec![c, b]);
    let na = board.notes.iter().find(|n| n.id == a).unwrap();
    assert_eq!(
        (na.colour, na.text.as_str()),
        (NoteColour::Pink, "«أين أموالي يا ناس؟»")
    );
    let h = history::for_entity(f.ws.conn(), empathy::NOTE, &b.to_string()).unwrap();
    assert!(h.iter().any(|e| e.field.as_deref() == Some("area")
        && e.old_value.as_deref() == Some("says")
        && e.new_value.as_deref() == Some("does")));

    // A group gathers notes into its area; dissolving keeps the notes.
    let g =
        f.ws.write("Mona", |w| {
            empathy::create_group(w, f.map, Area::Does, "الاتصال المتكرر", &[b, a])
        })
        .unwrap()
        .value;
    let board = workflow::board(f.ws.conn(), f.map).unwrap();
    assert!(board
        .notes
        .iter()
        .filter(|n| n.group_id == Some(g.id))
        .all(|n| n.area == Area::Does));
    assert_eq!(
        board
            .notes
            .iter()
            .filter(|n| n.group_id == Some(g.id))
            .count(),
        2
    );
    // A note joining a group goes just after its last member, so the
    // area's order keeps the group together.
    let d = note(&mut f.ws, f.map, Area::Does, "يكتب شكوى على الشبكات");
    f.ws.write("Mona", |w| {
        empathy::edit_note(w, c, &NoteEdit::Group(Some(g.id.to_string())))
    })
    .unwrap();
    let order: Vec<_> = workflow::board(f.ws.conn(), f.map)
        .unwrap()
        .notes
        .iter()
        .filter(|n| n.area == Area::Does)
        .map(|n| (n.id, n.group_id))
        .collect();
    assert_eq!(
        order.last().map(|o| o.0),
        Some(d),
        "the ungrouped note stays last"
    );
    assert!(order[..3].iter().all(|o| o.1 == Some(g.id)), "{order:?}");
    f.ws.write("Mona", |w| {
        empathy::edit_note(w, c, &NoteEdit::Group(None))?;
        empathy::delete_note(w, d)
    })
    .unwrap();
    // Leaving the area leaves the group.
    f.ws.write("Mona", |w| {
        empathy::edit_note(
            w,
            a,
            &NoteEdit::Move {
                area: Area::Says,
                before: None,
            },
        )
    })
    .unwrap();
    assert_eq!(empathy::get_note(f.ws.conn(), a).unwrap().group_id, None);
    f.ws.write("Mona", |w| empathy::dissolve_group(w, g.id))
        .unwrap();
    let board = workflow::board(f.ws.conn(), f.map).unwrap();
    assert!(board.groups.is_empty());
    assert_eq!(board.notes.len(), 3);

    // Delete and undo.
    f.ws.write("Mona", |w| empathy::delete_note(w, c)).unwrap();
    assert_eq!(workflow::board(f.ws.conn(), f.map).unwrap().notes.len(), 2);
    assert!(trash::list(f.ws.conn())
        .unwrap()
        .iter()
        .any(|t| t.entity == "empathy_note" && t.label == "قلق"));
    f.ws.write("Mona", |w| empathy::restore_note(w, c)).unwrap();
    assert_eq!(workflow::board(f.ws.conn(), f.map).unwrap().notes.len(), 3);

    // A trashed map hides its notes from the trash list and the board.
    f.ws.write("Mona", |w| empathy::delete_note(w, c)).unwrap();
    f.ws.write("Mona", |w| empathy::delete_map(w, f.map))
        .unwrap();
    let listed = trash::list(f.ws.conn()).unwrap();
    assert!(listed.iter().any(|t| t.entity == "empathy_map"));
    assert!(!listed.iter().any(|t| t.entity == "empathy_note"));
    assert!(f.ws.write("Mona", |w| empathy::restore_note(w, c)).is_err());
    f.ws.write("Mona", |w| {
        trash::restore(w, "empathy_map", &f.map.to_string())
    })
    .unwrap();
    assert_eq!(workflow::board(f.ws.conn(), f.map).unwrap().notes.len(), 2);
}

#[test]
fn a_private_round_hides_new_notes_until_revealed() {
    let mut f = fixture();
    let before = note(&mut f.ws, f.map, Area::Thinks, "قبل الجولة");
    f.ws.write("Mona", |w| {
        empathy::edit_map(w, f.map, &MapEdit::Phase(Phase::Private))
    })
    .unwrap();
    let secret = note(&mut f.ws, f.map, Area::Feels, "محبطة من الانتظار");
    let board = workflow::board(f.ws.conn(), f.map).unwrap();
    assert_eq!(board.map.phase, Phase::Private);
    assert!(!board.notes.iter().find(|n| n.id == before).unwrap().hidden);
    assert!(board.notes.iter().find(|n| n.id == secret).unwrap().hidden);
    // Hidden notes cannot be voted on, nor seen from a cause.
    let err =
        f.ws.write("Mona", |w| empathy::vote(w, secret, "Mona"))
            .unwrap_err();
    assert!(matches!(err, Error::Conflict(_)));
    f.ws.write("Mona", |w| {
        empathy::edit_note(w, secret, &NoteEdit::CauseIds(vec![f.why.to_string()]))
    })
    .unwrap();
    assert!(empathy::notes_for_why(f.ws.conn(), f.why)
        .unwrap()
        .is_empty());

    f.ws.write("Mona", |w| {
        empathy::edit_map(w, f.map, &MapEdit::Phase(Phase::Open))
    })
    .unwrap();
    let board = workflow::board(f.ws.conn(), f.map).unwrap();
    assert!(board.notes.iter().all(|n| !n.hidden));
    assert_eq!(
        empathy::notes_for_why(f.ws.conn(), f.why).unwrap()[0].id,
        secret
    );
    let h = history::for_entity(f.ws.conn(), empathy::NOTE, &secret.to_string()).unwrap();
    assert!(h
        .iter()
        .any(|e| e.field.as_deref() == Some("hidden") && e.new_value.as_deref() == Some("false")));
}

#[test]
fn dot_votes_are_limited_per_participant_and_sorted_results_follow() {
    let mut f = fixture();
    let a = note(&mut f.ws, f.map, Area::Pains, "لا تعرف متى يصل المبلغ");
    let b = note(&mut f.ws, f.map, Area::Gains, "رسالة عند كل خطوة");
    let board = workflow::board(f.ws.conn(), f.map).unwrap();
    assert_eq!(
        board.map.participants,
        vec!["Mona", "Karim"],
        "trimmed, repeats dropped"
    );
    f.ws.write("Karim", |w| {
        empathy::vote(w, b, "Karim")?;
        empathy::vote(w, b, "Karim")
    })
    .unwrap();
    let err =
        f.ws.write("Karim", |w| empathy::vote(w, a, "Karim"))
            .unwrap_err();
    match err {
        Error::InvalidInput(e) => {
            assert_eq!((e[0].rule, e[0].limit), (Rule::NoVotesLeft, Some(2)));
        }
        other => panic!("{other:?}"),
    }
    let err =
        f.ws.write("Mona", |w| empathy::vote(w, a, "Someone"))
            .unwrap_err();
    assert_eq!(rules(err), vec![("voter".into(), Rule::NotParticipant)]);
    f.ws.write("Mona", |w| {
        empathy::vote(w, a, "Mona")?;
        empathy::unvote(w, b, "Karim")?;
        empathy::vote(w, a, "Karim")
    })
    .unwrap();
    let board = workflow::board(f.ws.conn(), f.map).unwrap();
    let votes = |id| board.notes.iter().find(|n| n.id == id).unwrap().votes;
    assert_eq!((votes(a), votes(b)), (2, 1));
    assert_eq!(board.votes.len(), 3, "per note and voter");
    // Deleting a note frees its dots; when it comes back, dots spent
    // elsewhere meanwhile are not counted twice.
    f.ws.write("Mona", |w| {
        empathy::delete_note(w, a)?;
        empathy::vote(w, b, "Mona")
    })
    .unwrap();
    f.ws.write("Mona", |w| empathy::vote(w, b, "Mona")).unwrap();
    f.ws.write("Mona", |w| empathy::restore_note(w, a)).unwrap();
    let board = workflow::board(f.ws.conn(), f.map).unwrap();
    let mona: u32 = board
        .votes
        .iter()
        .filter(|v| v.voter == "Mona")
        .map(|v| v.count)
        .sum();
    assert_eq!(mona, 2, "Mona stays within her two dots: {:?}", board.votes);
    // Raising the allowance lets Karim vote again.
    f.ws.write("Mona", |w| {
        empathy::edit_map(w, f.map, &MapEdit::VotesPerPerson(3))
    })
    .unwrap();
    f.ws.write("Karim", |w| empathy::vote(w, a, "Karim"))
        .unwrap();
    let err =
        f.ws.write("Mona", |w| {
            empathy::edit_map(w, f.map, &MapEdit::VotesPerPerson(0))
        })
        .unwrap_err();
    assert_eq!(
        rules(err),
        vec![("votesPerPerson".into(), Rule::OutOfRange)]
    );
}

#[test]
fn notes_are_evidence_for_causes_and_problems_both_ways() {
    let mut f = fixture();
    let n = note(&mut f.ws, f.map, Area::Says, "«لا أرى أي خطوة بعد الإرسال»");
    f.ws.write("Mona", |w| {
        empathy::edit_note(w, n, &NoteEdit::CauseIds(vec![f.why.to_string()]))?;
        empathy::edit_note(w, n, &NoteEdit::Problem(Some(f.problem.to_string())))
    })
    .unwrap();
    let causes = empathy::note_causes(f.ws.conn(), n).unwrap();
    assert_eq!(causes.len(), 1);
    assert_eq!(causes[0].text, "صفحة الطلب لا تعرض خطوات الاسترداد");
    let from_why = empathy::notes_for_why(f.ws.conn(), f.why).unwrap();
    assert_eq!(from_why[0].id, n);
    assert_eq!(from_why[0].map_title, "ورشة المرتجعات");
    assert_eq!(
        empathy::notes_for_problem(f.ws.conn(), f.problem).unwrap()[0].id,
        n
    );
    let wh = history::for_entity(f.ws.conn(), analysis::WHY, &f.why.to_string()).unwrap();
    assert!(wh.iter().any(|e| e.field.as_deref() == Some("notes")));
    // A linked cause that goes to the trash does not block editing the others.
    let other =
        f.ws.write("Mona", |w| {
            let a = analysis::list(w.tx(), 10)?[0].analysis.id;
            workflow::add_why(
                w,
                a,
                &NewWhy {
                    text: "لا يصل إشعار عند تغيّر الحالة".into(),
                    ..NewWhy::default()
                },
            )
        })
        .unwrap()
        .value
        .id;
    f.ws.write("Mona", |w| analysis::delete_why(w, f.why, false))
        .unwrap();
    f.ws.write("Mona", |w| {
        empathy::edit_note(
            w,
            n,
            &NoteEdit::CauseIds(vec![f.why.to_string(), other.to_string()]),
        )
    })
    .unwrap();
    assert_eq!(
        empathy::get_note(f.ws.conn(), n).unwrap().cause_ids.len(),
        2
    );
    let refs = empathy::note_causes(f.ws.conn(), n).unwrap();
    assert!(refs.iter().any(|c| c.id == f.why && c.deleted));
    f.ws.write("Mona", |w| trash::restore(w, "why", &f.why.to_string()))
        .unwrap();
    // Unknown causes and problems are refused.
    let err =
        f.ws.write("Mona", |w| {
            empathy::edit_note(w, n, &NoteEdit::CauseIds(vec!["nonsense".into()]))
        })
        .unwrap_err();
    assert_eq!(rules(err), vec![("causeIds".into(), Rule::Invalid)]);
    f.ws.write("Mona", |w| {
        empathy::edit_note(w, n, &NoteEdit::CauseIds(vec![]))
    })
    .unwrap();
    assert!(empathy::notes_for_why(f.ws.conn(), f.why)
        .unwrap()
        .is_empty());
}

#[test]
fn a_map_needs_a_live_persona_and_reports_every_broken_rule() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let err = ws
        .write("Mona", |w| {
            empathy::create_map(
                w,
                &NewMap {
                    persona_id: "nobody".into(),
                    title: "".into(),
                    problem_id: Some("nothing".into()),
                    held_on: Some(time::today_utc() + Duration::days(30)),
                    participants: None,
                    votes_per_person: Some(50),
                },
            )
        })
        .unwrap_err();
    assert_eq!(
        rules(err),
        vec![
            ("personaId".into(), Rule::Required),
            ("title".into(), Rule::Required),
            ("problemId".into(), Rule::Invalid),
            ("heldOn".into(), Rule::InFuture),
            ("votesPerPerson".into(), Rule::OutOfRange)
        ]
    );
}
