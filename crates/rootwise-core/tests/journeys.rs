//! Journey maps: a facilitator builds a current map with a persona, stage
//! by stage, touchpoint by touchpoint, card by card; attaches the problems
//! customers report; sees where the pain concentrates; makes a future map
//! from it; turns an opportunity into a corrective action; exports it. The
//! rules (names, emotions, a stage that still has touchpoints), history,
//! the trash and two copies editing one map are covered too.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rootwise_core::action::{ActionEdit, ActionKind, ActionStatus, CheckResult, NewAction};
use rootwise_core::empathy::{self, Area, NewMap, NewNote};
use rootwise_core::error::{ErrorCode, Rule};
use rootwise_core::ids::{JourneyId, ProblemId, StageId, TouchpointId};
use rootwise_core::journey::{
    self, JourneyEdit, JourneyGrid, JourneyState, Lane, MarkdownLabels, NewJourney, NewTouchpoint,
    PainQuery, PainSort, TouchpointEdit,
};
use rootwise_core::persona::{self, NewPersona, QuoteInput, QuoteSource};
use rootwise_core::problem::{self, NewOccurrence, NewProblem, ProblemEdit};
use rootwise_core::settings::Language;
use rootwise_core::store::Writer;
use rootwise_core::vocab::{Channel, Severity};
use rootwise_core::{history, trash, workflow, Error, Workspace};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn rules_of(err: &Error) -> Vec<(String, Rule)> {
    match err {
        Error::InvalidInput(list) => list.iter().map(|f| (f.field.clone(), f.rule)).collect(),
        other => panic!("not invalid input: {other:?}"),
    }
}

fn new_map(ws: &mut Workspace, name: &str, stages: Option<Language>) -> JourneyId {
    ws.write("Huda", |w| {
        journey::create_map(
            w,
            &NewJourney {
                name: name.into(),
                state: None,
                persona_ids: None,
                review_months: None,
                starting_stages: stages,
            },
        )
    })
    .unwrap()
    .value
    .id
}

fn stage_ids(ws: &Workspace, map: JourneyId) -> Vec<StageId> {
    journey::grid(ws.conn(), map)
        .unwrap()
        .stages
        .iter()
        .map(|s| s.stage.id)
        .collect()
}

fn stage_names(ws: &Workspace, map: JourneyId) -> Vec<String> {
    journey::grid(ws.conn(), map)
        .unwrap()
        .stages
        .iter()
        .map(|s| s.stage.name.clone())
        .collect()
}

fn touchpoint(w: &mut Writer<'_>, stage: StageId, name: &str) -> TouchpointId {
    journey::add_touchpoint(
        w,
        &NewTouchpoint {
            stage_id: stage,
            name: name.into(),
            ..NewTouchpoint::default()
        },
    )
    .unwrap()
    .id
}

fn problem_at(
    w: &mut Writer<'_>,
    title: &str,
    severity: Severity,
    reported_on: NaiveDate,
) -> ProblemId {
    problem::create(
        w,
        &NewProblem {
            title: title.into(),
            severity: Some(severity),
            reported_on: Some(reported_on),
            ..NewProblem::default()
        },
    )
    .unwrap()
    .id
}

fn fields(ws: &Workspace, entity: &str, id: &str) -> Vec<(String, Option<String>, Option<String>)> {
    history::for_entity(ws.conn(), entity, id)
        .unwrap()
        .into_iter()
        .filter_map(|h| h.field.map(|f| (f, h.old_value, h.new_value)))
        .collect()
}

fn touchpoint_names(grid: &JourneyGrid) -> Vec<Vec<String>> {
    grid.stages
        .iter()
        .map(|s| {
            s.touchpoints
                .iter()
                .map(|t| t.touchpoint.name.clone())
                .collect()
        })
        .collect()
}

#[test]
fn a_new_map_offers_the_starting_stages_in_either_language_with_its_personas() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let (amal, karim) = ws
        .write("Huda", |w| {
            let a = persona::create(
                w,
                &NewPersona {
                    name: "أمل، عميلة جديدة".into(),
                    ..NewPersona::default()
                },
            )?;
            let k = persona::create(
                w,
                &NewPersona {
                    name: "Karim, small business owner".into(),
                    ..NewPersona::default()
                },
            )?;
            Ok((a.id, k.id))
        })
        .unwrap()
        .value;
    let en = new_map(&mut ws, "Opening an account", Some(Language::En));
    assert_eq!(
        stage_names(&ws, en),
        [
            "Awareness",
            "Consideration",
            "Purchase",
            "Onboarding",
            "Use and service",
            "Loyalty and advocacy"
        ]
    );
    let ar = ws
        .write("Huda", |w| {
            journey::create_map(
                w,
                &NewJourney {
                    name: "  رحلة فتح الحساب  ".into(),
                    state: None,
                    persona_ids: Some(vec![karim, amal, karim]),
                    review_months: Some(3),
                    starting_stages: Some(Language::Ar),
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(ar.name, "رحلة فتح الحساب");
    assert_eq!(ar.state, JourneyState::Current);
    assert_eq!(ar.review_months, 3);
    assert_eq!(
        stage_names(&ws, ar.id),
        journey::starting_stages(Language::Ar)
    );
    let grid = journey::grid(ws.conn(), ar.id).unwrap();
    assert_eq!(grid.personas.len(), 2, "each persona once");
    assert_eq!(grid.lanes, Lane::ALL);
    assert!(grid
        .stages
        .iter()
        .all(|s| s.cells.len() == 7 && s.touchpoints.is_empty()));
    let bare = new_map(&mut ws, "Support calls", None);
    assert!(stage_names(&ws, bare).is_empty());

    // Personas are replaced as a list.
    ws.write("Huda", |w| {
        journey::edit_map(w, ar.id, &JourneyEdit::PersonaIds(vec![amal]))
    })
    .unwrap();
    let grid = journey::grid(ws.conn(), ar.id).unwrap();
    assert_eq!(
        grid.personas.iter().map(|p| p.id).collect::<Vec<_>>(),
        [amal]
    );
    let h = fields(&ws, "journey_map", &ar.id.to_string());
    assert!(h.iter().any(|(f, old, new)| f == "personas"
        && old.as_deref().is_some_and(|o| o.contains("Karim"))
        && new.as_deref().is_some_and(|n| !n.contains("Karim"))));
}

#[test]
fn empty_names_and_emotions_outside_the_curve_are_refused_with_their_errors() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let err = ws
        .write("Huda", |w| {
            journey::create_map(
                w,
                &NewJourney {
                    name: "   ".into(),
                    state: None,
                    persona_ids: None,
                    review_months: Some(0),
                    starting_stages: None,
                },
            )
        })
        .unwrap_err();
    assert_eq!(
        rules_of(&err),
        [
            ("name".to_owned(), Rule::Required),
            ("reviewMonths".to_owned(), Rule::OutOfRange)
        ],
        "every broken rule at once"
    );
    let map = new_map(&mut ws, "Refunds", Some(Language::En));
    let stage = stage_ids(&ws, map)[0];
    let err = ws
        .write("Huda", |w| journey::add_stage(w, map, " \n ", None))
        .unwrap_err();
    assert_eq!(rules_of(&err), [("name".to_owned(), Rule::Required)]);
    let err = ws
        .write("Huda", |w| journey::rename_stage(w, stage, ""))
        .unwrap_err();
    assert_eq!(rules_of(&err), [("name".to_owned(), Rule::Required)]);
    let err = ws
        .write("Huda", |w| {
            journey::add_touchpoint(
                w,
                &NewTouchpoint {
                    stage_id: stage,
                    name: "".into(),
                    ..NewTouchpoint::default()
                },
            )
        })
        .unwrap_err();
    assert_eq!(rules_of(&err), [("name".to_owned(), Rule::Required)]);
    let err = ws
        .write("Huda", |w| {
            journey::add_card(w, stage, Lane::Thoughts, "  ")
        })
        .unwrap_err();
    assert_eq!(rules_of(&err), [("text".to_owned(), Rule::Required)]);

    // The emotion curve runs from -2 to +2.
    let err = ws
        .write("Huda", |w| {
            journey::add_touchpoint(
                w,
                &NewTouchpoint {
                    stage_id: stage,
                    name: "Ad on social media".into(),
                    emotion_current: Some(3),
                    ..NewTouchpoint::default()
                },
            )
        })
        .unwrap_err();
    assert!(
        matches!(&err, Error::EmotionOutOfRange { field, value: 3 } if field == "emotionCurrent"),
        "{err:?}"
    );
    let payload = err.payload();
    assert_eq!(payload.code, ErrorCode::EmotionOutOfRange);
    assert_eq!(
        serde_json::to_value(&payload).unwrap()["code"],
        "emotion_out_of_range"
    );
    let tp = ws
        .write("Huda", |w| Ok(touchpoint(w, stage, "Ad on social media")))
        .unwrap()
        .value;
    for e in [-2, 2] {
        ws.write("Huda", |w| {
            journey::edit_touchpoint(w, tp, &TouchpointEdit::EmotionTarget(Some(e)))
        })
        .unwrap();
    }
    let err = ws
        .write("Huda", |w| {
            journey::edit_touchpoint(w, tp, &TouchpointEdit::EmotionCurrent(Some(-3)))
        })
        .unwrap_err();
    assert_eq!(err.payload().code, ErrorCode::EmotionOutOfRange);
    let t = journey::get_touchpoint(ws.conn(), tp).unwrap();
    assert_eq!((t.emotion_current, t.emotion_target), (None, Some(2)));
    assert!(ws.conn().is_autocommit(), "nothing left half written");
}

#[test]
fn stages_are_renamed_reordered_added_and_removed() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Ordering food", Some(Language::En));
    let ids = stage_ids(&ws, map);
    ws.write("Huda", |w| {
        journey::rename_stage(w, ids[2], "Checkout")?;
        // Loyalty first, awareness last, a new stage between the first two.
        journey::move_stage(w, ids[5], Some(ids[0]))?;
        journey::move_stage(w, ids[0], None)?;
        journey::add_stage(w, map, "Delivery", Some(ids[1]))?;
        journey::delete_stage(w, ids[4], false)
    })
    .unwrap();
    assert_eq!(
        stage_names(&ws, map),
        [
            "Loyalty and advocacy",
            "Delivery",
            "Consideration",
            "Checkout",
            "Onboarding",
            "Awareness"
        ]
    );
    // Many moves into the same gap still find a place between neighbours.
    let ids = stage_ids(&ws, map);
    for _ in 0..60 {
        let now = stage_ids(&ws, map);
        let last = *now.last().unwrap();
        ws.write("Huda", |w| journey::move_stage(w, last, Some(now[1])))
            .unwrap();
    }
    assert_eq!(stage_ids(&ws, map).len(), ids.len());
    // A stage of another map is no place to go.
    let other = new_map(&mut ws, "Other", Some(Language::En));
    let foreign = stage_ids(&ws, other)[0];
    let err = ws
        .write("Huda", |w| journey::move_stage(w, ids[0], Some(foreign)))
        .unwrap_err();
    assert_eq!(rules_of(&err), [("before".to_owned(), Rule::Invalid)]);

    let h = fields(&ws, "journey_stage", &ids[3].to_string());
    assert!(h.contains(&(
        "name".to_owned(),
        Some("Purchase".to_owned()),
        Some("Checkout".to_owned())
    )));
}

#[test]
fn touchpoints_carry_channel_reach_and_owner_and_move_between_stages() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Insurance claim", Some(Language::En));
    let s = stage_ids(&ws, map);
    let (call, review, portal) = ws
        .write("Huda", |w| {
            let call = journey::add_touchpoint(
                w,
                &NewTouchpoint {
                    stage_id: s[4],
                    name: "Claims hotline".into(),
                    channel: Some(Channel::Phone),
                    direct: None,
                    owner_team: Some(" Claims ".into()),
                    emotion_current: Some(-1),
                    emotion_target: Some(1),
                },
            )?;
            let review = journey::add_touchpoint(
                w,
                &NewTouchpoint {
                    stage_id: s[1],
                    name: "Review on a comparison site".into(),
                    channel: Some(Channel::Social),
                    direct: Some(false),
                    owner_team: None,
                    emotion_current: None,
                    emotion_target: None,
                },
            )?;
            let portal = touchpoint(w, s[4], "بوابة المطالبات");
            Ok((call, review, portal))
        })
        .unwrap()
        .value;
    assert_eq!(call.owner_team, "Claims");
    assert!(call.direct && !review.direct);
    assert_eq!(call.channel, Some(Channel::Phone));
    ws.write("Huda", |w| {
        journey::edit_touchpoint(w, review.id, &TouchpointEdit::Direct(true))?;
        journey::edit_touchpoint(w, review.id, &TouchpointEdit::Channel(None))?;
        journey::edit_touchpoint(
            w,
            call.id,
            &TouchpointEdit::OwnerTeam("Customer care".into()),
        )?;
        journey::edit_touchpoint(w, call.id, &TouchpointEdit::Name("Claims line".into()))?;
        // The portal goes first in its stage; the review moves to use.
        journey::move_touchpoint(w, portal, s[4], Some(call.id))?;
        journey::move_touchpoint(w, review.id, s[4], None)
    })
    .unwrap();
    let grid = journey::grid(ws.conn(), map).unwrap();
    assert_eq!(
        touchpoint_names(&grid)[4],
        [
            "بوابة المطالبات",
            "Claims line",
            "Review on a comparison site"
        ]
    );
    assert!(touchpoint_names(&grid)[1].is_empty());
    let r = journey::get_touchpoint(ws.conn(), review.id).unwrap();
    assert_eq!((r.direct, r.channel, r.stage_id), (true, None, s[4]));
    // The curve runs across the touchpoints in map order.
    assert_eq!(
        grid.curve
            .iter()
            .map(|p| (p.touchpoint_id, p.current, p.target))
            .collect::<Vec<_>>(),
        [
            (portal, None, None),
            (call.id, Some(-1), Some(1)),
            (review.id, None, None)
        ]
    );
    let h = fields(&ws, "touchpoint", &review.id.to_string());
    for expected in [
        ("direct", Some("false"), Some("true")),
        ("channel", Some("social"), None),
        ("stage", Some("Consideration"), Some("Use and service")),
    ] {
        assert!(
            h.contains(&(
                expected.0.to_owned(),
                expected.1.map(str::to_owned),
                expected.2.map(str::to_owned)
            )),
            "{expected:?} in {h:?}"
        );
    }
}

#[test]
fn cards_sit_in_lane_cells_in_order_and_move_edit_and_come_back() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Home internet", Some(Language::En));
    let s = stage_ids(&ws, map);
    let (a, b, c, d) = ws
        .write("Huda", |w| {
            let a = journey::add_card(w, s[3], Lane::Actions, "Waits for the technician")?;
            let b = journey::add_card(w, s[3], Lane::Actions, "Calls to ask when")?;
            let c = journey::add_card(w, s[3], Lane::Obstacles, "No time window is given")?;
            let d = journey::add_card(w, s[3], Lane::Emotions, "يشعر بالقلق من ضياع يومه")?;
            Ok((a.id, b.id, c.id, d.id))
        })
        .unwrap()
        .value;
    ws.write("Huda", |w| {
        journey::move_card(w, b, (s[3], Lane::Actions), Some(a))?;
        journey::move_card(w, c, (s[2], Lane::Obstacles), None)?;
        journey::edit_card(w, a, "Waits all day for the technician")?;
        journey::delete_card(w, d)
    })
    .unwrap();
    let grid = journey::grid(ws.conn(), map).unwrap();
    let cell = |stage: usize, lane: Lane| -> Vec<String> {
        grid.stages[stage]
            .cells
            .iter()
            .find(|c| c.lane == lane)
            .unwrap()
            .cards
            .iter()
            .map(|c| c.text.clone())
            .collect()
    };
    assert_eq!(
        cell(3, Lane::Actions),
        ["Calls to ask when", "Waits all day for the technician"]
    );
    assert_eq!(cell(2, Lane::Obstacles), ["No time window is given"]);
    assert!(cell(3, Lane::Obstacles).is_empty() && cell(3, Lane::Emotions).is_empty());
    assert!(trash::list(ws.conn())
        .unwrap()
        .iter()
        .any(|t| t.entity == "journey_card" && t.id == d.to_string()));
    ws.write("Huda", |w| {
        trash::restore(w, "journey_card", &d.to_string())
    })
    .unwrap();
    assert_eq!(
        journey::get_card(ws.conn(), d).unwrap().text,
        "يشعر بالقلق من ضياع يومه"
    );
    let h = fields(&ws, "journey_card", &a.to_string());
    assert!(h.contains(&(
        "text".to_owned(),
        Some("Waits for the technician".to_owned()),
        Some("Waits all day for the technician".to_owned())
    )));
    let h = fields(&ws, "journey_card", &c.to_string());
    assert!(h
        .iter()
        .any(|(f, _, n)| f == "stage" && n.as_deref() == Some("Purchase")));
}

#[test]
fn a_stage_with_touchpoints_goes_to_the_trash_only_when_asked_and_comes_back_with_them() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Mobile banking", Some(Language::En));
    let s = stage_ids(&ws, map);
    let (t1, t2, gone_before) = ws
        .write("Huda", |w| {
            let t1 = touchpoint(w, s[3], "App store page");
            let t2 = touchpoint(w, s[3], "Welcome SMS");
            let t3 = touchpoint(w, s[3], "Branch visit");
            journey::add_card(w, s[3], Lane::Thoughts, "Is my money safe here?")?;
            journey::delete_touchpoint(w, t3)?;
            Ok((t1, t2, t3))
        })
        .unwrap()
        .value;

    let err = ws
        .write("Huda", |w| journey::delete_stage(w, s[3], false))
        .unwrap_err();
    assert!(
        matches!(err, Error::StageHasTouchpoints { count: 2 }),
        "{err:?}"
    );
    let payload = err.payload();
    assert_eq!(payload.code, ErrorCode::StageHasTouchpoints);
    assert_eq!(payload.details.count, Some(2));
    // The trash's own delete asks the same question.
    let err = ws
        .write("Huda", |w| {
            trash::delete(w, "journey_stage", &s[3].to_string())
        })
        .unwrap_err();
    assert_eq!(err.payload().code, ErrorCode::StageHasTouchpoints);
    assert_eq!(stage_ids(&ws, map).len(), 6, "nothing changed");

    ws.write("Mona", |w| journey::delete_stage(w, s[3], true))
        .unwrap();
    assert_eq!(stage_ids(&ws, map).len(), 5);
    let listed: Vec<(String, String)> = trash::list(ws.conn())
        .unwrap()
        .into_iter()
        .map(|t| (t.entity, t.id))
        .collect();
    assert!(listed.contains(&("journey_stage".into(), s[3].to_string())));
    assert!(
        !listed
            .iter()
            .any(|(e, _)| e == "touchpoint" || e == "journey_card"),
        "its touchpoints and cards went with it: {listed:?}"
    );
    for t in [t1, t2] {
        let h = history::for_entity(ws.conn(), "touchpoint", &t.to_string()).unwrap();
        let last = h.last().unwrap();
        assert_eq!(
            (last.field.as_deref(), last.author.as_str()),
            (Some("deleted_at"), "Mona")
        );
    }

    ws.write("Mona", |w| {
        trash::restore(w, "journey_stage", &s[3].to_string())
    })
    .unwrap();
    let grid = journey::grid(ws.conn(), map).unwrap();
    assert_eq!(
        touchpoint_names(&grid)[3],
        ["App store page", "Welcome SMS"],
        "back together, in their order; the one trashed before stays there"
    );
    assert_eq!(grid.stages[3].cells[2].cards.len(), 1, "the card is back");
    assert!(trash::list(ws.conn())
        .unwrap()
        .iter()
        .any(|t| t.entity == "touchpoint" && t.id == gone_before.to_string()));
    // Deleting the same stage again takes them again.
    ws.write("Mona", |w| journey::delete_stage(w, s[3], true))
        .unwrap();
    ws.write("Mona", |w| journey::restore_stage(w, s[3]))
        .unwrap();
    assert_eq!(
        journey::grid(ws.conn(), map).unwrap().stages[3]
            .touchpoints
            .len(),
        2
    );

    // A map in the trash hides everything and brings it back.
    ws.write("Mona", |w| {
        trash::delete(w, "journey_map", &map.to_string())
    })
    .unwrap();
    assert!(journey::grid(ws.conn(), map).is_err());
    assert!(journey::list_maps(ws.conn(), day(2026, 1, 1))
        .unwrap()
        .is_empty());
    let listed = trash::list(ws.conn()).unwrap();
    assert!(listed.iter().any(|t| t.entity == "journey_map"));
    assert!(!listed.iter().any(|t| t.entity == "touchpoint"));
    ws.write("Mona", |w| {
        trash::restore(w, "journey_map", &map.to_string())
    })
    .unwrap();
    assert_eq!(
        touchpoint_names(&journey::grid(ws.conn(), map).unwrap())[3].len(),
        2
    );
}

#[test]
fn history_records_every_part_of_a_map() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Travel booking", None);
    let (stage, tp) = ws
        .write("Huda", |w| {
            let stage = journey::add_stage(w, map, "Booking", None)?;
            let tp = journey::add_touchpoint(
                w,
                &NewTouchpoint {
                    stage_id: stage.id,
                    name: "Booking website".into(),
                    channel: Some(Channel::SelfService),
                    direct: Some(false),
                    owner_team: Some("Digital".into()),
                    emotion_current: Some(0),
                    emotion_target: Some(2),
                },
            )?;
            journey::edit_map(w, map, &JourneyEdit::Name("Booking a trip".into()))?;
            journey::edit_map(w, map, &JourneyEdit::ReviewMonths(5))?;
            journey::mark_reviewed(w, map)?;
            Ok((stage.id, tp.id))
        })
        .unwrap()
        .value;
    let m = fields(&ws, "journey_map", &map.to_string());
    for f in ["name", "state", "reviewMonths", "reviewedAt"] {
        assert!(m.iter().any(|(x, _, _)| x == f), "{f} in {m:?}");
    }
    assert!(m.contains(&(
        "name".into(),
        Some("Travel booking".into()),
        Some("Booking a trip".into())
    )));
    let s = fields(&ws, "journey_stage", &stage.to_string());
    assert_eq!(s, [("name".into(), None, Some("Booking".into()))]);
    let t = fields(&ws, "touchpoint", &tp.to_string());
    assert_eq!(
        t,
        [
            ("name".into(), None, Some("Booking website".into())),
            ("channel".into(), None, Some("self_service".into())),
            ("direct".into(), None, Some("false".into())),
            ("ownerTeam".into(), None, Some("Digital".into())),
            ("emotionCurrent".into(), None, Some("0".into())),
            ("emotionTarget".into(), None, Some("2".into())),
        ]
    );
    // An unchanged value writes nothing.
    let before = history::for_entity(ws.conn(), "touchpoint", &tp.to_string())
        .unwrap()
        .len();
    ws.write("Huda", |w| {
        journey::edit_touchpoint(w, tp, &TouchpointEdit::EmotionTarget(Some(2)))
    })
    .unwrap();
    assert_eq!(
        history::for_entity(ws.conn(), "touchpoint", &tp.to_string())
            .unwrap()
            .len(),
        before
    );
}

#[test]
fn problems_link_to_touchpoints_and_each_side_lists_the_other() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Card delivery", Some(Language::En));
    let s = stage_ids(&ws, map);
    let (courier, sms, late, lost) = ws
        .write("Huda", |w| {
            let courier = touchpoint(w, s[3], "Courier at the door");
            let sms = touchpoint(w, s[3], "Tracking SMS");
            let late = problem_at(w, "البطاقة تصل متأخرة", Severity::High, day(2026, 3, 1));
            let lost = problem_at(
                w,
                "Card lost by the courier",
                Severity::Critical,
                day(2026, 3, 2),
            );
            journey::link_problem(w, courier, late)?;
            journey::link_problem(w, courier, lost)?;
            journey::link_problem(w, courier, lost)?;
            journey::link_problem(w, sms, late)?;
            Ok((courier, sms, late, lost))
        })
        .unwrap()
        .value;
    let on_courier = journey::touchpoint_problems(ws.conn(), courier).unwrap();
    assert_eq!(
        on_courier
            .iter()
            .map(|p| (p.id, p.severity))
            .collect::<Vec<_>>(),
        [(lost, Severity::Critical), (late, Severity::High)],
        "most severe first, linked once"
    );
    let places = journey::touchpoints_for_problem(ws.conn(), late).unwrap();
    assert_eq!(
        places
            .iter()
            .map(|t| (t.id, t.stage_name.as_str(), t.map_name.as_str()))
            .collect::<Vec<_>>(),
        [
            (courier, "Onboarding", "Card delivery"),
            (sms, "Onboarding", "Card delivery")
        ]
    );
    let grid = journey::grid(ws.conn(), map).unwrap();
    assert_eq!(grid.stages[3].touchpoints[0].problem_ids.len(), 2);

    ws.write("Huda", |w| journey::unlink_problem(w, sms, late))
        .unwrap();
    assert_eq!(
        journey::touchpoints_for_problem(ws.conn(), late)
            .unwrap()
            .len(),
        1
    );
    let h = fields(&ws, "problem", &late.to_string());
    assert!(h.contains(&("touchpoints".into(), None, Some("Tracking SMS".into()))));
    assert!(h.contains(&("touchpoints".into(), Some("Tracking SMS".into()), None)));
    let h = fields(&ws, "touchpoint", &courier.to_string());
    assert!(h.contains(&(
        "problems".into(),
        None,
        Some("Card lost by the courier".into())
    )));

    // A trashed problem drops off the map and comes back with its link.
    ws.write("Huda", |w| problem::delete(w, lost)).unwrap();
    assert_eq!(
        journey::touchpoint_problems(ws.conn(), courier)
            .unwrap()
            .len(),
        1
    );
    ws.write("Huda", |w| problem::restore(w, lost).map(|_| ()))
        .unwrap();
    assert_eq!(
        journey::touchpoint_problems(ws.conn(), courier)
            .unwrap()
            .len(),
        2
    );

    // Merging a duplicate moves its links to the problem that stays.
    ws.write("Huda", |w| {
        workflow::merge(w, late, lost)?;
        Ok(())
    })
    .unwrap();
    assert_eq!(
        journey::touchpoint_problems(ws.conn(), courier)
            .unwrap()
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        [lost]
    );
    let linked: u32 = ws
        .conn()
        .query_row(
            "SELECT count(*) FROM journey_touchpoint_problems WHERE problem_id = ?1",
            [late.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(linked, 0);
}

#[test]
fn free_text_journey_stages_become_links_where_the_names_match() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let texts = [
        "  checkout ",
        "Check Out",
        "الدفع",
        "onboarding",
        "Somewhere else",
        "",
    ];
    let problems: Vec<ProblemId> = ws
        .write("Huda", |w| {
            Ok(texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    problem::create(
                        w,
                        &NewProblem {
                            title: format!("Problem {i}"),
                            journey_stage: Some((*t).into()),
                            ..NewProblem::default()
                        },
                    )
                    .unwrap()
                    .id
                })
                .collect())
        })
        .unwrap()
        .value;
    let map = new_map(&mut ws, "Online shop", Some(Language::En));
    let s = stage_ids(&ws, map);
    let (checkout, pay, first) = ws
        .write("Huda", |w| {
            let checkout = touchpoint(w, s[2], "CHECKOUT");
            let pay = touchpoint(w, s[2], "الدفع ");
            let first = touchpoint(w, s[3], "Welcome email");
            touchpoint(w, s[3], "First login");
            Ok((checkout, pay, first))
        })
        .unwrap()
        .value;
    let preview = journey::preview_matching_problems(ws.conn(), map).unwrap();
    assert_eq!((preview.linked, preview.unmatched), (4, 1));
    let done = ws
        .write("Huda", |w| journey::link_matching_problems(w, map))
        .unwrap()
        .value;
    assert_eq!(done, preview);
    let at = |p: ProblemId| -> Vec<TouchpointId> {
        journey::touchpoints_for_problem(ws.conn(), p)
            .unwrap()
            .iter()
            .map(|t| t.id)
            .collect()
    };
    assert_eq!(at(problems[0]), [checkout]);
    assert_eq!(at(problems[1]), [checkout], "spaces aside");
    assert_eq!(at(problems[2]), [pay]);
    assert_eq!(
        at(problems[3]),
        [first],
        "a stage's name: its first touchpoint"
    );
    assert!(at(problems[4]).is_empty() && at(problems[5]).is_empty());
    // Each problem's own text is kept as typed.
    assert_eq!(
        problem::get_live(ws.conn(), problems[1])
            .unwrap()
            .journey_stage,
        "Check Out"
    );
    // Again: nothing more to link.
    let again = ws
        .write("Huda", |w| journey::link_matching_problems(w, map))
        .unwrap()
        .value;
    assert_eq!((again.linked, again.unmatched), (0, 1));
}

#[test]
fn notes_and_quotes_are_pinned_to_touchpoints() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Clinic appointments", Some(Language::En));
    let s = stage_ids(&ws, map);
    let (tp, note, quote) = ws
        .write("Huda", |w| {
            let p = persona::create(
                w,
                &NewPersona {
                    name: "Salma, working mother".into(),
                    ..NewPersona::default()
                },
            )?;
            let quote = persona::add_quote(
                w,
                p.id,
                &QuoteInput {
                    text: "لا أستطيع الانتظار ساعة على الهاتف لحجز موعد".into(),
                    source: QuoteSource::Interview,
                    reference: None,
                    said_on: day(2026, 2, 3),
                },
            )?;
            let m = empathy::create_map(
                w,
                &NewMap {
                    persona_id: p.id.to_string(),
                    title: "Booking by phone".into(),
                    problem_id: None,
                    held_on: None,
                    participants: None,
                    votes_per_person: None,
                },
            )?;
            let note = empathy::add_note(
                w,
                &NewNote {
                    map_id: m.id.to_string(),
                    area: Area::Feels,
                    text: "Anxious she will lose her slot".into(),
                    colour: None,
                    author: None,
                    group_id: None,
                },
            )?;
            let tp = touchpoint(w, s[2], "Booking line");
            journey::pin_note(w, tp, note.id)?;
            journey::pin_quote(w, tp, quote.id)?;
            journey::pin_quote(w, tp, quote.id)?;
            Ok((tp, note.id, quote.id))
        })
        .unwrap()
        .value;
    let grid = journey::grid(ws.conn(), map).unwrap();
    let gt = &grid.stages[2].touchpoints[0];
    assert_eq!(
        gt.notes
            .iter()
            .map(|n| (n.id, n.text.as_str()))
            .collect::<Vec<_>>(),
        [(note, "Anxious she will lose her slot")]
    );
    assert_eq!(gt.quotes.len(), 1);
    assert_eq!(gt.quotes[0].persona_name, "Salma, working mother");
    let h = fields(&ws, "touchpoint", &tp.to_string());
    assert!(h.iter().any(|(f, _, n)| f == "quotes" && n.is_some()));

    // A trashed note is not shown, and comes back pinned.
    ws.write("Huda", |w| empathy::delete_note(w, note)).unwrap();
    assert!(
        journey::grid(ws.conn(), map).unwrap().stages[2].touchpoints[0]
            .notes
            .is_empty()
    );
    ws.write("Huda", |w| empathy::restore_note(w, note).map(|_| ()))
        .unwrap();
    ws.write("Huda", |w| {
        journey::unpin_quote(w, tp, quote)?;
        journey::unpin_note(w, tp, note)
    })
    .unwrap();
    let grid = journey::grid(ws.conn(), map).unwrap();
    let gt = &grid.stages[2].touchpoints[0];
    assert!(gt.notes.is_empty() && gt.quotes.is_empty());
}

#[test]
fn a_future_map_is_made_from_the_current_one() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Utility bill", Some(Language::En));
    let s = stage_ids(&ws, map);
    let (tp, p) = ws
        .write("Huda", |w| {
            let tp = journey::add_touchpoint(
                w,
                &NewTouchpoint {
                    stage_id: s[4],
                    name: "Paper bill".into(),
                    channel: Some(Channel::Other),
                    direct: Some(true),
                    owner_team: Some("Billing".into()),
                    emotion_current: Some(-2),
                    emotion_target: Some(1),
                },
            )?;
            journey::add_card(w, s[4], Lane::Obstacles, "Cannot read the charges")?;
            journey::add_card(w, s[4], Lane::Opportunities, "A plain-language bill")?;
            let p = problem_at(w, "Bill is confusing", Severity::Medium, day(2026, 5, 1));
            journey::link_problem(w, tp.id, p)?;
            journey::delete_stage(w, s[0], false)?;
            Ok((tp.id, p))
        })
        .unwrap()
        .value;
    let future = ws
        .write("Huda", |w| {
            journey::future_from_current(w, map, "Utility bill, to be")
        })
        .unwrap()
        .value;
    assert_eq!(future.state, JourneyState::Future);
    assert_eq!(future.made_from, Some(map));
    let now = journey::grid(ws.conn(), map).unwrap();
    let next = journey::grid(ws.conn(), future.id).unwrap();
    assert_eq!(stage_names(&ws, future.id), stage_names(&ws, map));
    assert_eq!(next.stages.len(), 5, "the trashed stage stays behind");
    let t = &next.stages[3].touchpoints[0];
    assert_ne!(t.touchpoint.id, tp);
    assert_eq!(
        (
            t.touchpoint.name.as_str(),
            t.touchpoint.owner_team.as_str(),
            t.touchpoint.emotion_current,
            t.touchpoint.emotion_target
        ),
        ("Paper bill", "Billing", Some(-2), Some(1))
    );
    assert!(
        t.problem_ids.is_empty(),
        "problems stay with the map as it is"
    );
    assert_eq!(now.stages[3].touchpoints[0].problem_ids, [p]);
    let texts = |g: &JourneyGrid| -> Vec<(Lane, String)> {
        g.stages
            .iter()
            .flat_map(|s| s.cells.iter())
            .flat_map(|c| c.cards.iter().map(move |k| (c.lane, k.text.clone())))
            .collect()
    };
    assert_eq!(texts(&next), texts(&now));
    // Only a current map has a future.
    let err = ws
        .write("Huda", |w| {
            journey::future_from_current(w, future.id, "Again")
        })
        .unwrap_err();
    assert_eq!(err.payload().code, ErrorCode::JourneyNotCurrent);
}

fn verify(ws: &mut Workspace, problem: ProblemId, kind: ActionKind, title: &str) {
    ws.write("Karim", |w| {
        let a = rootwise_core::action::create(
            w,
            &NewAction {
                problem_id: problem.to_string(),
                title: title.into(),
                kind,
                description: None,
                cause_ids: None,
                owner: None,
                due_on: None,
                priority: None,
                check_method: None,
            },
        )?
        .id;
        workflow::edit_action(w, a, &ActionEdit::Status(ActionStatus::Done))?;
        workflow::edit_action(
            w,
            a,
            &ActionEdit::Check {
                result: CheckResult::Effective,
                notes: "No new reports for six weeks".into(),
            },
        )?;
        Ok(())
    })
    .unwrap();
}

#[test]
fn an_opportunity_becomes_a_corrective_action_and_other_cards_do_not() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Returns", Some(Language::En));
    let s = stage_ids(&ws, map);
    let long = format!(
        "Let customers print the return label at home. {}",
        "x".repeat(400)
    );
    let (p, chance, idea, worry) = ws
        .write("Huda", |w| {
            let p = problem_at(
                w,
                "Returns take three visits",
                Severity::High,
                day(2026, 4, 1),
            );
            let chance =
                journey::add_card(w, s[4], Lane::Opportunities, "Free pickup for returns")?;
            let idea = journey::add_card(w, s[4], Lane::Opportunities, &long)?;
            let worry = journey::add_card(w, s[4], Lane::Thoughts, "Will I get my money back?")?;
            Ok((p, chance.id, idea.id, worry.id))
        })
        .unwrap()
        .value;
    let input = |title: &str| NewAction {
        problem_id: p.to_string(),
        title: title.into(),
        kind: ActionKind::Corrective,
        description: None,
        cause_ids: None,
        owner: Some("Logistics".into()),
        due_on: None,
        priority: None,
        check_method: None,
    };
    let err = ws
        .write("Huda", |w| {
            workflow::action_from_opportunity(w, worry, &input("x"))
        })
        .unwrap_err();
    assert_eq!(err.payload().code, ErrorCode::NotAnOpportunity);
    assert!(
        rootwise_core::action::for_problem(ws.conn(), p, day(2026, 12, 1))
            .unwrap()
            .is_empty()
    );

    let action = ws
        .write("Huda", |w| {
            workflow::action_from_opportunity(w, chance, &input(""))
        })
        .unwrap()
        .value;
    assert_eq!(action.title, "Free pickup for returns", "the card's words");
    assert_eq!(
        (action.problem_id, action.kind),
        (p, ActionKind::Corrective)
    );
    assert_eq!(
        journey::get_card(ws.conn(), chance).unwrap().action_ids,
        [action.id]
    );
    let h = fields(&ws, "journey_card", &chance.to_string());
    assert!(h.contains(&(
        "actions".into(),
        None,
        Some("Free pickup for returns".into())
    )));

    let cut = ws
        .write("Huda", |w| {
            workflow::action_from_opportunity(w, idea, &input("  "))
        })
        .unwrap()
        .value;
    assert_eq!(cut.title.chars().count(), 300);
    assert_eq!(cut.description, long, "the whole text is kept");
    let grid = journey::grid(ws.conn(), map).unwrap();
    let cell = grid.stages[4]
        .cells
        .iter()
        .find(|c| c.lane == Lane::Opportunities)
        .unwrap();
    assert_eq!(
        cell.cards
            .iter()
            .map(|c| c.action_ids.len())
            .collect::<Vec<_>>(),
        [1, 1]
    );
    // A trashed action drops off the card.
    ws.write("Huda", |w| rootwise_core::action::delete(w, cut.id))
        .unwrap();
    assert!(journey::get_card(ws.conn(), idea)
        .unwrap()
        .action_ids
        .is_empty());
}

#[test]
fn the_pain_overlay_counts_problems_reports_severity_and_verified_fixes() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Electricity connection", None);
    let (s1, s2) = ws
        .write("Huda", |w| {
            Ok((
                journey::add_stage(w, map, "Applying", None)?.id,
                journey::add_stage(w, map, "Connection", None)?.id,
            ))
        })
        .unwrap()
        .value;
    let t = ws
        .write("Huda", |w| {
            Ok([
                touchpoint(w, s1, "A: online form"),
                touchpoint(w, s1, "B: documents upload"),
                touchpoint(w, s2, "C: site visit"),
                touchpoint(w, s2, "D: meter install"),
                touchpoint(w, s2, "E: first bill"),
                touchpoint(w, s2, "F: call centre"),
            ])
        })
        .unwrap()
        .value;
    let p = ws
        .write("Huda", |w| {
            let p1 = problem_at(w, "P1 form times out", Severity::High, day(2026, 3, 5));
            let p2 = problem_at(w, "P2 upload fails", Severity::Critical, day(2026, 2, 20));
            let p3 = problem_at(w, "P3 wrong name on bill", Severity::Low, day(2026, 3, 31));
            let p4 = problem_at(w, "P4 trashed", Severity::Critical, day(2026, 3, 10));
            let p5 = problem_at(
                w,
                "P5 unclear document list",
                Severity::Medium,
                day(2026, 3, 15),
            );
            let p6 = problem_at(w, "P6 nobody answers", Severity::High, day(2026, 3, 2));
            for (p, days) in [
                (
                    p1,
                    vec![day(2026, 3, 10), day(2026, 3, 20), day(2026, 4, 2)],
                ),
                (p2, vec![day(2026, 3, 1), day(2026, 2, 28)]),
                (p4, vec![day(2026, 3, 11)]),
            ] {
                for d in days {
                    workflow::log_occurrence(
                        w,
                        p,
                        &NewOccurrence {
                            occurred_on: Some(d),
                            ..NewOccurrence::default()
                        },
                    )?;
                }
            }
            for (tp, p) in [
                (t[0], p1),
                (t[0], p2),
                (t[1], p3),
                (t[1], p5),
                (t[2], p1),
                (t[2], p4),
                (t[4], p3),
                (t[4], p4),
                (t[5], p6),
            ] {
                journey::link_problem(w, tp, p)?;
            }
            problem::delete(w, p4)?;
            Ok([p1, p2, p3, p4, p5, p6])
        })
        .unwrap()
        .value;
    // P3 has a verified fix; P6 only a verified containment.
    verify(
        &mut ws,
        p[2],
        ActionKind::Corrective,
        "Take the name from the ID card",
    );
    verify(
        &mut ws,
        p[5],
        ActionKind::Containment,
        "Call back within the hour",
    );

    let march = PainQuery {
        from: day(2026, 3, 1),
        to: day(2026, 3, 31),
        sort: None,
    };
    let pain = journey::pain_overlay(ws.conn(), map, &march).unwrap();
    let got: Vec<(TouchpointId, u32, u32, Option<Severity>, bool, f64)> = pain
        .iter()
        .map(|x| {
            (
                x.touchpoint_id,
                x.problems,
                x.occurrences,
                x.highest_severity,
                x.all_fixed,
                x.heat,
            )
        })
        .collect();
    // Worked out by hand. A: P1 (reported 5 March, reports 10 and 20
    // March; 2 April is outside) = 3, P2 (reported in February; 1 March
    // in, 28 February out) = 1. B: P3 (reported 31 March) + P5 = 2.
    // C: P1 = 3 (P4 is in the trash). E: P3, fixed (P4, in the trash,
    // does not count against it). F: P6, whose containment is no fix.
    assert_eq!(
        got,
        [
            (t[0], 2, 4, Some(Severity::Critical), false, 1.0),
            (t[1], 2, 2, Some(Severity::Medium), false, 0.5),
            (t[2], 1, 3, Some(Severity::High), false, 0.75),
            (t[3], 0, 0, None, false, 0.0),
            (t[4], 1, 1, Some(Severity::Low), true, 0.25),
            (t[5], 1, 1, Some(Severity::High), false, 0.25),
        ]
    );
    assert!(pain.iter().take(2).all(|x| x.stage_id == s1));
    let sorted: Vec<TouchpointId> = journey::pain_overlay(
        ws.conn(),
        map,
        &PainQuery {
            sort: Some(PainSort::Pain),
            ..march.clone()
        },
    )
    .unwrap()
    .iter()
    .map(|x| x.touchpoint_id)
    .collect();
    assert_eq!(sorted, [t[0], t[2], t[1], t[5], t[4], t[3]]);
    // A period with no reports: no heat anywhere.
    let quiet = journey::pain_overlay(
        ws.conn(),
        map,
        &PainQuery {
            from: day(2025, 1, 1),
            to: day(2025, 1, 31),
            sort: None,
        },
    )
    .unwrap();
    assert!(quiet.iter().all(|x| x.occurrences == 0 && x.heat == 0.0));
    assert_eq!(quiet[0].problems, 2);
    let err = journey::pain_overlay(
        ws.conn(),
        map,
        &PainQuery {
            from: day(2026, 3, 31),
            to: day(2026, 3, 1),
            sort: None,
        },
    )
    .unwrap_err();
    assert_eq!(rules_of(&err), [("to".to_owned(), Rule::BeforeStart)]);
    // The fix found not effective: E is no longer fixed.
    let fix = rootwise_core::action::for_problem(ws.conn(), p[2], day(2026, 12, 1)).unwrap()[0]
        .action
        .id;
    ws.write("Karim", |w| {
        workflow::edit_action(
            w,
            fix,
            &ActionEdit::Check {
                result: CheckResult::NotEffective,
                notes: "Two more wrong names".into(),
            },
        )
    })
    .unwrap();
    let pain = journey::pain_overlay(ws.conn(), map, &march).unwrap();
    assert!(!pain[4].all_fixed);
}

/// Where the pain counts kept by triggers differ from the rows (none when
/// they agree).
fn pain_drift(ws: &Workspace) -> Vec<String> {
    let mut stmt = ws
        .conn()
        .prepare(include_str!("support/pain_drift.sql"))
        .unwrap();
    stmt.query_map([], |r| {
        Ok(format!(
            "{}: {:?} {:?} {:?} {:?}",
            r.get::<_, String>(0)?,
            r.get::<_, rusqlite::types::Value>(1)?,
            r.get::<_, rusqlite::types::Value>(2)?,
            r.get::<_, rusqlite::types::Value>(3)?,
            r.get::<_, rusqlite::types::Value>(4)?
        ))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn the_pain_counts_follow_every_write_that_moves_them() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "خدمة العملاء", None);
    let t = ws
        .write("Huda", |w| {
            let s = journey::add_stage(w, map, "الطلب", None)?.id;
            Ok([touchpoint(w, s, "النموذج"), touchpoint(w, s, "الاتصال")])
        })
        .unwrap()
        .value;
    let report = |w: &mut Writer<'_>, p: ProblemId, d: NaiveDate| {
        workflow::log_occurrence(
            w,
            p,
            &NewOccurrence {
                occurred_on: Some(d),
                ..NewOccurrence::default()
            },
        )
        .map(|_| ())
    };
    // Each step writes, then the kept counts must equal the rows'.
    let step = |ws: &mut Workspace,
                what: &str,
                f: &dyn Fn(&mut Writer<'_>) -> rootwise_core::Result<()>| {
        ws.write("Huda", |w| f(w)).unwrap();
        assert_eq!(pain_drift(ws), Vec::<String>::new(), "after {what}");
    };
    let p = ws
        .write("Huda", |w| {
            Ok([
                problem_at(w, "P1 الاستمارة لا تُرسل", Severity::High, day(2026, 3, 5)),
                problem_at(w, "P2 الرد متأخر", Severity::Low, day(2026, 3, 6)),
                problem_at(w, "P3 الاستمارة تتجمد", Severity::Medium, day(2026, 3, 7)),
            ])
        })
        .unwrap()
        .value;
    step(&mut ws, "a report before the link", &|w| {
        report(w, p[0], day(2026, 3, 8))
    });
    step(&mut ws, "links", &|w| {
        journey::link_problem(w, t[0], p[0])?;
        journey::link_problem(w, t[0], p[1])?;
        journey::link_problem(w, t[1], p[0])?;
        journey::link_problem(w, t[1], p[2])
    });
    step(&mut ws, "reports after the link", &|w| {
        report(w, p[0], day(2026, 3, 8))?;
        report(w, p[2], day(2026, 4, 1))
    });
    step(&mut ws, "a new severity", &|w| {
        workflow::edit_problem(w, p[0], &ProblemEdit::Severity(Severity::Critical)).map(|_| ())
    });
    step(&mut ws, "another first day", &|w| {
        workflow::edit_problem(w, p[1], &ProblemEdit::ReportedOn(day(2026, 2, 1))).map(|_| ())
    });
    verify(&mut ws, p[1], ActionKind::Corrective, "Answer within a day");
    assert_eq!(
        pain_drift(&ws),
        Vec::<String>::new(),
        "after a verified fix"
    );
    verify(&mut ws, p[1], ActionKind::Preventive, "A second fix");
    assert_eq!(pain_drift(&ws), Vec::<String>::new(), "after a second fix");
    let fixes: Vec<_> = rootwise_core::action::for_problem(ws.conn(), p[1], day(2026, 12, 1))
        .unwrap()
        .iter()
        .map(|a| a.action.id)
        .collect();
    step(&mut ws, "one fix in the trash", &|w| {
        trash::delete(w, "action", &fixes[0].to_string())
    });
    step(&mut ws, "both fixes in the trash", &|w| {
        trash::delete(w, "action", &fixes[1].to_string())
    });
    assert!(
        !journey::pain_overlay(
            ws.conn(),
            map,
            &PainQuery {
                from: day(2026, 1, 1),
                to: day(2026, 12, 31),
                sort: None
            }
        )
        .unwrap()[0]
            .all_fixed
    );
    step(&mut ws, "a fix restored", &|w| {
        trash::restore(w, "action", &fixes[0].to_string())
    });
    step(&mut ws, "a problem in the trash", &|w| {
        problem::delete(w, p[2])
    });
    step(&mut ws, "and back", &|w| {
        problem::restore(w, p[2]).map(|_| ())
    });
    step(&mut ws, "a duplicate merged", &|w| {
        workflow::merge(w, p[0], p[2]).map(|_| ())
    });
    step(&mut ws, "a link removed", &|w| {
        journey::unlink_problem(w, t[0], p[1])
    });

    let pain = journey::pain_overlay(
        ws.conn(),
        map,
        &PainQuery {
            from: day(2026, 1, 1),
            to: day(2026, 12, 31),
            sort: None,
        },
    )
    .unwrap();
    let got: Vec<(u32, u32, Option<Severity>, bool)> = pain
        .iter()
        .map(|x| (x.problems, x.occurrences, x.highest_severity, x.all_fixed))
        .collect();
    // P1 (critical, reported 5 March, reported again twice on 8 March) is
    // now part of P3 (medium, 7 March, 1 April): P3 holds five reports. The
    // form (t0) showed P1, which now shows P3; P2 left it. The call (t1)
    // shows P3.
    assert_eq!(
        got,
        [
            (1, 5, Some(Severity::Medium), false),
            (1, 5, Some(Severity::Medium), false)
        ]
    );
}

#[test]
fn maps_fall_due_for_review_after_their_period() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = new_map(&mut ws, "Gym membership", Some(Language::En));
    let created = journey::get_map(ws.conn(), map)
        .unwrap()
        .created_at
        .date_naive();
    let due = created.checked_add_months(chrono::Months::new(4)).unwrap();
    let list = journey::list_maps(ws.conn(), due.pred_opt().unwrap()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!((list[0].review_due_on, list[0].review_due), (due, false));
    assert_eq!((list[0].stage_count, list[0].touchpoint_count), (6, 0));
    assert!(journey::list_maps(ws.conn(), due).unwrap()[0].review_due);
    assert_eq!(journey::reviews_due(ws.conn(), due).unwrap(), 1);
    ws.write("Huda", |w| {
        journey::edit_map(w, map, &JourneyEdit::ReviewMonths(6))
    })
    .unwrap();
    assert_eq!(journey::reviews_due(ws.conn(), due).unwrap(), 0);
    let err = ws
        .write("Huda", |w| {
            journey::edit_map(w, map, &JourneyEdit::ReviewMonths(25))
        })
        .unwrap_err();
    assert_eq!(
        rules_of(&err),
        [("reviewMonths".to_owned(), Rule::OutOfRange)]
    );
    ws.write("Huda", |w| journey::mark_reviewed(w, map))
        .unwrap();
    let reviewed = journey::get_map(ws.conn(), map).unwrap();
    assert!(reviewed.reviewed_at.is_some());
}

fn arabic_labels() -> MarkdownLabels {
    MarkdownLabels {
        rtl: true,
        list_separator: "، ".into(),
        state: "الحالة".into(),
        states: BTreeMap::from([
            (JourneyState::Current, "كما هي".into()),
            (JourneyState::Future, "كما ينبغي".into()),
        ]),
        made_from: "مأخوذة من".into(),
        personas: "الشخصيات".into(),
        touchpoints: "نقاط التواصل".into(),
        channel: "القناة".into(),
        channels: BTreeMap::from([(Channel::Phone, "الهاتف".into())]),
        direct: "مباشرة".into(),
        indirect: "غير مباشرة".into(),
        owner_team: "الفريق المسؤول".into(),
        emotion_current: "الشعور الآن".into(),
        emotion_target: "الشعور المنشود".into(),
        problems: "المشكلات".into(),
        notes: "ملاحظات التعاطف".into(),
        quotes: "اقتباسات".into(),
        lanes: BTreeMap::from([
            (Lane::Thoughts, "الأفكار".into()),
            (Lane::Opportunities, "الفرص".into()),
        ]),
    }
}

#[test]
fn the_markdown_export_writes_the_content_in_the_readers_words_and_escapes_user_text() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let map = ws
        .write("Huda", |w| {
            let persona = persona::create(
                w,
                &NewPersona {
                    name: "نورة، موظفة مشغولة".into(),
                    ..NewPersona::default()
                },
            )?;
            let map = journey::create_map(
                w,
                &NewJourney {
                    name: "رحلة *تجديد* الاشتراك".into(),
                    state: None,
                    persona_ids: Some(vec![persona.id]),
                    review_months: None,
                    starting_stages: None,
                },
            )?;
            let stage = journey::add_stage(w, map.id, "التجديد", None)?;
            let tp = journey::add_touchpoint(
                w,
                &NewTouchpoint {
                    stage_id: stage.id,
                    name: "مركز الاتصال".into(),
                    channel: Some(Channel::Phone),
                    direct: None,
                    owner_team: Some("خدمة العملاء".into()),
                    emotion_current: Some(-1),
                    emotion_target: Some(2),
                },
            )?;
            let web = journey::add_touchpoint(
                w,
                &NewTouchpoint {
                    stage_id: stage.id,
                    name: "منتدى المستخدمين".into(),
                    channel: Some(Channel::Social),
                    direct: Some(false),
                    owner_team: None,
                    emotion_current: None,
                    emotion_target: Some(0),
                },
            )?;
            let p = problem_at(
                w,
                "العميل يُحوَّل بين الأقسام [٣ مرات]",
                Severity::High,
                day(2026, 6, 1),
            );
            journey::link_problem(w, tp.id, p)?;
            journey::add_card(
                w,
                stage.id,
                Lane::Thoughts,
                "- لماذا يسألونني عن رقمي مرة أخرى؟\nهل سجّلوا طلبي؟",
            )?;
            journey::add_card(
                w,
                stage.id,
                Lane::Opportunities,
                "1. ربط المكالمة بملف العميل",
            )?;
            journey::add_card(w, stage.id, Lane::Obstacles, "انتظار > 20 دقيقة")?;
            let _ = web;
            Ok(map.id)
        })
        .unwrap()
        .value;
    let md = journey::markdown(ws.conn(), map, &arabic_labels()).unwrap();
    let expected = "<div dir=\"rtl\">

# رحلة \\*تجديد\\* الاشتراك

**الحالة:** كما هي
\\
**الشخصيات:** نورة، موظفة مشغولة

## التجديد

### نقاط التواصل

#### مركز الاتصال

- **القناة:** الهاتف
- مباشرة
- **الفريق المسؤول:** خدمة العملاء
- **الشعور الآن:** -1
- **الشعور المنشود:** +2
- **المشكلات:**
  - العميل يُحوَّل بين الأقسام \\[٣ مرات\\]

#### منتدى المستخدمين

- **القناة:** social
- غير مباشرة
- **الشعور المنشود:** 0

### الأفكار

- \\- لماذا يسألونني عن رقمي مرة أخرى؟\\
  هل سجّلوا طلبي؟

### obstacles

- انتظار \\> 20 دقيقة

### الفرص

- 1\\. ربط المكالمة بملف العميل

</div>
";
    assert_eq!(md, expected);

    // Left to right, with the stored words where the reader's are missing.
    let english = MarkdownLabels {
        state: "State".into(),
        ..MarkdownLabels::default()
    };
    let md = journey::markdown(ws.conn(), map, &english).unwrap();
    assert!(
        md.starts_with("# رحلة \\*تجديد\\* الاشتراك\n\n**State:** current\n"),
        "{md}"
    );
    assert!(!md.contains("dir=") && md.contains("### thoughts"));
}

fn send(from: &Workspace, to: &mut Workspace, who: &str) {
    use rootwise_core::sync::{copy::export_for, merge::merge_file, replica};
    let to_id = replica(to.conn()).unwrap().replica_id;
    let bytes = export_for(from.conn(), Some(&to_id)).unwrap();
    merge_file(to, who, &bytes).unwrap();
}

/// Makes sure the next write's clock reading is later than the last one
/// on any copy.
fn tick() {
    std::thread::sleep(std::time::Duration::from_millis(3));
}

#[test]
fn two_copies_editing_one_map_end_up_with_the_same_map() {
    use rootwise_core::sync::copy::copy_for_workshop;
    let dir = tempfile::tempdir().unwrap();
    let mut office = Workspace::open(&dir.path().join("team.db")).unwrap();
    let map = new_map(&mut office, "Opening a savings account", Some(Language::En));
    let s = stage_ids(&office, map);
    let (branch, app, p) = office
        .write("Karim", |w| {
            let branch = touchpoint(w, s[3], "Branch desk");
            let app = touchpoint(w, s[3], "Mobile app");
            let p = problem_at(w, "ID check repeated", Severity::Medium, day(2026, 9, 1));
            Ok((branch, app, p))
        })
        .unwrap()
        .value;
    let path = dir.path().join("workshop.db");
    copy_for_workshop(&office, &path, "Workshop laptop").unwrap();
    let mut laptop = Workspace::open(&path).unwrap();

    // Offline, each side works on the same map.
    laptop
        .write("Mona", |w| {
            journey::rename_stage(w, s[0], "Hearing about us")?;
            journey::add_card(w, s[3], Lane::Obstacles, "يطلبون الهوية مرتين")?;
            journey::move_stage(w, s[5], Some(s[0]))?;
            journey::edit_touchpoint(w, branch, &TouchpointEdit::EmotionCurrent(Some(-2)))?;
            journey::link_problem(w, branch, p)?;
            journey::delete_stage(w, s[4], false)
        })
        .unwrap();
    office
        .write("Karim", |w| {
            journey::edit_touchpoint(w, app, &TouchpointEdit::Channel(Some(Channel::SelfService)))?;
            journey::move_touchpoint(w, app, s[3], Some(branch))?;
            touchpoint(w, s[2], "Price comparison page");
            journey::rename_stage(w, s[1], "Comparing")?;
            journey::edit_touchpoint(w, branch, &TouchpointEdit::EmotionCurrent(Some(1)))
        })
        .unwrap();
    tick();
    // The laptop's later value wins where both wrote.
    laptop
        .write("Mona", |w| {
            journey::edit_touchpoint(w, branch, &TouchpointEdit::EmotionCurrent(Some(-1)))
        })
        .unwrap();

    send(&laptop, &mut office, "Karim");
    send(&office, &mut laptop, "Mona");
    assert_eq!(
        rootwise_core::sync::canonical_dump(office.conn()).unwrap(),
        rootwise_core::sync::canonical_dump(laptop.conn()).unwrap()
    );
    let (a, b) = (
        journey::grid(office.conn(), map).unwrap(),
        journey::grid(laptop.conn(), map).unwrap(),
    );
    assert_eq!(a.stages, b.stages);
    assert_eq!(
        a.stages
            .iter()
            .map(|s| s.stage.name.as_str())
            .collect::<Vec<_>>(),
        [
            "Loyalty and advocacy",
            "Hearing about us",
            "Comparing",
            "Purchase",
            "Onboarding"
        ]
    );
    let onboarding = &a.stages[4];
    assert_eq!(
        onboarding
            .touchpoints
            .iter()
            .map(|t| (t.touchpoint.name.as_str(), t.touchpoint.emotion_current))
            .collect::<Vec<_>>(),
        [("Mobile app", None), ("Branch desk", Some(-1))]
    );
    assert_eq!(onboarding.touchpoints[1].problem_ids, [p]);
    assert_eq!(a.stages[3].touchpoints.len(), 1);
    assert_eq!(
        onboarding
            .cells
            .iter()
            .map(|c| c.cards.len())
            .sum::<usize>(),
        1
    );
    assert!(trash::list(office.conn())
        .unwrap()
        .iter()
        .any(|t| t.entity == "journey_stage" && t.id == s[4].to_string()));
}
