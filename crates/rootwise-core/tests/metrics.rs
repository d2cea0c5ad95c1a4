//! CX metrics: every formula and interval against examples worked by hand
//! (the arithmetic is in the comments), the answers' and periods' rules,
//! the CSV import, the dashboard and the before/after view of a fix.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::AtomicBool;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use rootwise_core::action::{self, ActionEdit, ActionKind, ActionStatus, NewAction};
use rootwise_core::error::Rule;
use rootwise_core::ids::ProblemId;
use rootwise_core::metrics::import::{self, ColumnMapping};
use rootwise_core::metrics::{
    self, stats, CesEasy, DashboardQuery, Figure, Granularity, Measure, PeriodInput, ResponseInput,
    SurveyKind, Verdict,
};
use rootwise_core::problem::{self, NewOccurrence, NewProblem};
use rootwise_core::vocab::Channel;
use rootwise_core::{history, time, trash, workflow, Error, Workspace};

fn close(actual: Option<f64>, expected: f64) {
    let a = actual.expect("a value");
    assert!((a - expected).abs() < 0.005, "expected {expected}, got {a}");
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn rule_of(err: &Error) -> Vec<(String, Rule, Option<u32>)> {
    match err {
        Error::InvalidInput(list) => list
            .iter()
            .map(|e| (e.field.clone(), e.rule, e.limit))
            .collect(),
        other => panic!("not invalid input: {other:?}"),
    }
}

fn answer(kind: SurveyKind, score: u8, on: NaiveDate) -> ResponseInput {
    ResponseInput {
        kind,
        score,
        ces_scale: (kind == SurveyKind::Ces).then_some(5),
        ces_easy: (kind == SurveyKind::Ces).then_some(CesEasy::High),
        responded_on: on,
        channel: Some(Channel::Chat),
        comment: None,
        ticket_ref: None,
        customer: None,
        problem_id: None,
        touchpoint_id: None,
    }
}

fn new_problem(ws: &mut Workspace, title: &str) -> ProblemId {
    ws.write("Huda", |w| {
        problem::create(
            w,
            &NewProblem {
                title: title.into(),
                ..NewProblem::default()
            },
        )
    })
    .unwrap()
    .value
    .id
}

// ---------------------------------------------------------------- formulas

#[test]
fn nps_with_its_adjusted_wald_interval() {
    // 5 promoters, 2 passives, 3 detractors: NPS = 50% - 30% = 20.
    // Adjusted: n' = 10 + 3 = 13; p' = 5.75/13 = 0.44231;
    // d' = 3.75/13 = 0.28846; centre = 0.15385;
    // var = (0.44231 + 0.28846 - 0.15385²)/13 = (0.73077 - 0.02367)/13 = 0.05439;
    // half = 1.96 × sqrt(0.05439) = 1.96 × 0.23322 = 0.45710;
    // interval = 15.385 ± 45.710 = -30.33 .. 61.10.
    let f = stats::nps(5, 2, 3);
    close(f.value, 20.0);
    close(f.low, -30.33);
    close(f.high, 61.10);
    assert_eq!((f.n, f.thin), (10, true));
    // All promoters: 100, and the interval never passes 100.
    let all = stats::nps(40, 0, 0);
    close(all.value, 100.0);
    assert!(all.high.unwrap() <= 100.0 && all.low.unwrap() > 80.0);
    assert!(!all.thin, "40 answers are not thin");
    assert_eq!(stats::nps(0, 0, 0).value, None);
}

#[test]
fn csat_with_its_wilson_interval() {
    // 8 of 10 answered 4 or 5: 80%. Wilson: p = 0.8, z² = 3.8415,
    // denominator = 1 + 3.8415/10 = 1.38415;
    // centre = (0.8 + 3.8415/20)/1.38415 = 0.99207/1.38415 = 0.71675;
    // half = 1.96 × sqrt(0.8×0.2/10 + 3.8415/400)/1.38415
    //      = 1.96 × sqrt(0.016 + 0.0096)/1.38415 = 1.96 × 0.16001/1.38415 = 0.22658;
    // interval = 49.02% .. 94.33%.
    let f = stats::csat(8, 10);
    close(f.value, 80.0);
    close(f.low, 49.02);
    close(f.high, 94.33);
    // 0 of 5: the interval starts at 0, not below.
    let none = stats::csat(0, 5);
    close(none.value, 0.0);
    close(none.low, 0.0);
}

#[test]
fn ces_mean_with_its_t_interval_on_its_own_scale() {
    // Ease 5, 4, 4, 3, 5 on five points: mean = 21/5 = 4.2;
    // deviations 0.8, -0.2, -0.2, -1.2, 0.8: squares sum to 2.8;
    // s² = 2.8/4 = 0.7, s = 0.83666; standard error = 0.83666/√5 = 0.37417;
    // t(0.975, 4) = 2.77645; half = 1.03885; interval = 3.16 .. 5.24.
    let values = [5.0_f64, 4.0, 4.0, 3.0, 5.0];
    let sum: f64 = values.iter().sum();
    let squares: f64 = values.iter().map(|v| v * v).sum();
    let f = stats::mean(5, sum, squares);
    close(f.value, 4.2);
    close(f.low, 3.16);
    close(f.high, 5.24);
    // One answer: a mean, no interval.
    let one = stats::mean(1, 3.0, 9.0);
    assert_eq!((one.value, one.low), (Some(3.0), None));
    // A scale whose easy end is low is turned round: 2 on 1 = very easy of
    // seven points is an ease of 7 + 1 - 2 = 6.
    assert_eq!(stats::ease(2, 7, CesEasy::Low), 6);
    assert_eq!(stats::ease(2, 7, CesEasy::High), 2);
    // The hard half: 1-2 of five, 1-3 of seven.
    assert!(stats::is_hard(2, 5) && !stats::is_hard(3, 5));
    assert!(stats::is_hard(3, 7) && !stats::is_hard(4, 7));
}

#[test]
fn t_quantiles_from_the_table_and_beyond() {
    assert!((stats::t975(4) - 2.776_445).abs() < 1e-6);
    // Beyond the table: t(0.975, 40) = 2.021075, t(0.975, 100) = 1.983972.
    assert!((stats::t975(40) - 2.021_075).abs() < 1e-5);
    assert!((stats::t975(100) - 1.983_972).abs() < 1e-5);
}

#[test]
fn ttr_median_and_p90_by_nearest_rank() {
    // 1, 2, 3, 4, 10 hours: median 3; p90 = the ceil(0.9 × 5) = 5th = 10.
    let f = stats::ttr(vec![10.0, 1.0, 3.0, 2.0, 4.0]);
    assert_eq!(
        (f.median_hours, f.p90_hours, f.n),
        (Some(3.0), Some(10.0), 5)
    );
    // 1, 2, 3, 4: median (2 + 3)/2 = 2.5; p90 = the ceil(3.6) = 4th = 4.
    let even = stats::ttr(vec![4.0, 3.0, 2.0, 1.0]);
    assert_eq!((even.median_hours, even.p90_hours), (Some(2.5), Some(4.0)));
    assert!(stats::ttr(Vec::new()).median_hours.is_none());
}

#[test]
fn retention_churn_and_lifetime_value() {
    // 200 customers at the start, 30 new, 210 at the end: 210 - 30 = 180
    // of the 200 stayed, CRR = 90%; lost = 200 + 30 - 210 = 20, churn = 10%.
    // Wilson for 180/200: 85.06% .. 93.43%; for 20/200: 6.57% .. 14.94%.
    let (crr, churn) = stats::retention(200, 210, 30);
    close(crr.value, 90.0);
    close(crr.low, 85.06);
    close(crr.high, 93.43);
    close(churn.value, 10.0);
    close(churn.low, 6.57);
    assert_eq!(crr.n, 200);
    // CLV = 50 revenue × 0.4 margin × 1/0.10 (a lifetime of ten periods) = 200.
    close(stats::lifetime_value(50.0, 0.4, churn.value), 200.0);
    // No churn: no finite lifetime.
    assert_eq!(stats::lifetime_value(50.0, 0.4, Some(0.0)), None);
    // A period that does not add up has no figures.
    assert_eq!(stats::retention(10, 50, 5).0.value, None);
    assert_eq!(stats::retention(0, 0, 0).0.value, None);
}

#[test]
fn the_difference_and_its_verdict() {
    // CSAT 4/10 (40%, Wilson 16.82 .. 68.73) before, 8/10 (80%,
    // 49.02 .. 94.33) after: d = 40;
    // low  = 40 - sqrt((80 - 49.02)² + (68.73 - 40)²) = 40 - sqrt(959.8 + 825.4) = 40 - 42.26 = -2.26;
    // high = 40 + sqrt((94.33 - 80)² + (40 - 16.82)²) = 40 + sqrt(205.3 + 537.3) = 40 + 27.25 = 67.25.
    // The interval contains 0: no clear change, on ten answers each.
    let d = stats::difference(&stats::csat(4, 10), &stats::csat(8, 10));
    close(d.value, 40.0);
    close(d.low, -2.26);
    close(d.high, 67.25);
    assert_eq!(stats::verdict(&d), Verdict::NoClearChange);
    // The same rates on forty answers each: 18.67 .. 56.63, improved.
    let d = stats::difference(&stats::csat(16, 40), &stats::csat(32, 40));
    close(d.low, 18.67);
    close(d.high, 56.63);
    assert_eq!(stats::verdict(&d), Verdict::Improved);
    let worse = stats::difference(&stats::csat(32, 40), &stats::csat(16, 40));
    assert_eq!(stats::verdict(&worse), Verdict::Worse);
    let nothing = stats::difference(&Figure::default(), &stats::csat(1, 2));
    assert_eq!(stats::verdict(&nothing), Verdict::NoData);
}

// ------------------------------------------------------------------ writes

#[test]
fn scores_outside_their_scale_and_future_days_are_refused_with_every_reason() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let today = time::today_utc();
    let cases = [
        (SurveyKind::Nps, 11, 10),
        (SurveyKind::Csat, 0, 5),
        (SurveyKind::Csat, 6, 5),
    ];
    for (kind, score, top) in cases {
        let err = ws
            .write("Huda", |w| {
                metrics::add_response(w, &answer(kind, score, today))
            })
            .unwrap_err();
        assert_eq!(
            rule_of(&err),
            vec![("score".into(), Rule::OutOfScale, Some(top))]
        );
    }
    // CES 6 on five points, answered next week: both reasons at once.
    let err = ws
        .write("Huda", |w| {
            metrics::add_response(w, &answer(SurveyKind::Ces, 6, today + Duration::days(7)))
        })
        .unwrap_err();
    assert_eq!(
        rule_of(&err),
        vec![
            ("score".into(), Rule::OutOfScale, Some(5)),
            ("respondedOn".into(), Rule::InFuture, None)
        ]
    );
    // CES needs its scale and easy end; other kinds may not carry them.
    let err = ws
        .write("Huda", |w| {
            metrics::add_response(
                w,
                &ResponseInput {
                    ces_scale: Some(6),
                    ces_easy: None,
                    ..answer(SurveyKind::Ces, 3, today)
                },
            )
        })
        .unwrap_err();
    assert_eq!(
        rule_of(&err),
        vec![
            ("cesScale".into(), Rule::Invalid, None),
            ("cesEasy".into(), Rule::Required, None)
        ]
    );
    let err = ws
        .write("Huda", |w| {
            metrics::add_response(
                w,
                &ResponseInput {
                    ces_scale: Some(7),
                    ..answer(SurveyKind::Nps, 3, today)
                },
            )
        })
        .unwrap_err();
    assert_eq!(rule_of(&err)[0].0, "cesScale");
    // The error crosses to the UI as a code, field, rule and limit.
    let err = ws
        .write("Huda", |w| {
            metrics::add_response(w, &answer(SurveyKind::Nps, 11, today))
        })
        .unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(json["code"], "invalid_input");
    assert_eq!(json["details"]["rule"], "out_of_scale");
    assert_eq!(json["details"]["limit"], 10);
    let count: u32 = ws
        .conn()
        .query_row("SELECT count(*) FROM survey_responses", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0, "nothing refused was stored");
}

#[test]
fn an_answer_is_added_edited_trashed_and_restored_with_history() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = new_problem(&mut ws, "Refund never arrives");
    let on = day(2026, 3, 2);
    let added = ws
        .write("Huda", |w| {
            metrics::add_response(
                w,
                &ResponseInput {
                    comment: Some("  الموظف لم يرد  ".into()),
                    customer: Some("Acme\nLtd".into()),
                    problem_id: Some(p),
                    ..answer(SurveyKind::Ces, 2, on)
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(added.comment, "الموظف لم يرد");
    assert_eq!(added.customer, "Acme Ltd");
    assert_eq!(
        (added.ces_scale, added.ces_easy),
        (Some(5), Some(CesEasy::High))
    );
    // A different kind is refused; the other fields change.
    let err = ws
        .write("Karim", |w| {
            metrics::edit_response(w, added.id, &answer(SurveyKind::Nps, 2, on))
        })
        .unwrap_err();
    assert_eq!(rule_of(&err)[0], ("kind".into(), Rule::Invalid, None));
    let edited = ws
        .write("Karim", |w| {
            metrics::edit_response(
                w,
                added.id,
                &ResponseInput {
                    channel: Some(Channel::Phone),
                    ..answer(SurveyKind::Ces, 4, on)
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(
        (edited.score, edited.channel, edited.problem_id),
        (4, Some(Channel::Phone), None)
    );
    assert_eq!(edited.comment, "");
    let h = history::for_entity(ws.conn(), metrics::RESPONSE, &added.id.to_string()).unwrap();
    let changed: Vec<(String, Option<String>, Option<String>)> = h
        .iter()
        .filter(|e| e.author == "Karim")
        .map(|e| {
            (
                e.field.clone().unwrap_or_default(),
                e.old_value.clone(),
                e.new_value.clone(),
            )
        })
        .collect();
    assert!(changed.contains(&("score".into(), Some("2".into()), Some("4".into()))));
    assert!(changed.contains(&("channel".into(), Some("chat".into()), Some("phone".into()))));
    assert!(changed.contains(&("problem".into(), Some(p.to_string()), None)));

    ws.write("Karim", |w| metrics::delete_response(w, added.id))
        .unwrap();
    let listed = trash::list(ws.conn()).unwrap();
    assert_eq!(listed[0].entity, "survey_response");
    assert_eq!(listed[0].label, "ces 4 2026-03-02");
    ws.write("Karim", |w| {
        trash::restore(w, "survey_response", &added.id.to_string())
    })
    .unwrap();
    assert!(trash::list(ws.conn()).unwrap().is_empty());
}

#[test]
fn a_period_whose_end_exceeds_start_plus_new_is_refused() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let input = PeriodInput {
        period_start: day(2026, 1, 1),
        period_end: day(2026, 3, 31),
        customers_start: 200,
        customers_end: 231,
        customers_new: 30,
        revenue_per_customer: Some(-1.0),
        margin: Some(1.5),
    };
    let err = ws
        .write("Huda", |w| metrics::add_period(w, &input))
        .unwrap_err();
    assert_eq!(
        rule_of(&err),
        vec![
            ("customersEnd".into(), Rule::OverStartPlusNew, Some(230)),
            ("revenuePerCustomer".into(), Rule::OutOfRange, None),
            ("margin".into(), Rule::OutOfRange, Some(1)),
        ]
    );
    let backwards = PeriodInput {
        period_end: day(2025, 12, 1),
        customers_end: 210,
        revenue_per_customer: Some(50.0),
        margin: Some(0.4),
        ..input.clone()
    };
    let err = ws
        .write("Huda", |w| metrics::add_period(w, &backwards))
        .unwrap_err();
    assert_eq!(
        rule_of(&err),
        vec![("periodEnd".into(), Rule::BeforeStart, None)]
    );
    let good = PeriodInput {
        period_end: day(2026, 3, 31),
        ..backwards
    };
    let p = ws
        .write("Huda", |w| metrics::add_period(w, &good))
        .unwrap()
        .value;
    let figures = metrics::retention(ws.conn(), day(2026, 1, 1), day(2026, 12, 31)).unwrap();
    assert_eq!(figures.len(), 1);
    close(figures[0].retention.value, 90.0);
    close(figures[0].lifetime_value, 200.0);
    let edited = ws
        .write("Karim", |w| {
            metrics::edit_period(
                w,
                p.id,
                &PeriodInput {
                    customers_end: 200,
                    ..good.clone()
                },
            )
        })
        .unwrap()
        .value;
    assert_eq!(edited.customers_end, 200);
    ws.write("Karim", |w| metrics::delete_period(w, p.id))
        .unwrap();
    assert!(
        metrics::retention(ws.conn(), day(2026, 1, 1), day(2026, 12, 31))
            .unwrap()
            .is_empty()
    );
    ws.write("Karim", |w| metrics::restore_period(w, p.id))
        .unwrap();
}

#[test]
fn resolution_times_are_checked_and_make_the_ttr() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = new_problem(&mut ws, "Courier never came");
    let opened = Utc.with_ymd_and_hms(2026, 2, 3, 9, 0, 0).unwrap();
    let o = ws
        .write("Huda", |w| {
            workflow::log_occurrence(
                w,
                p,
                &NewOccurrence {
                    occurred_on: Some(day(2026, 2, 3)),
                    channel: Some(Channel::Phone),
                    ..NewOccurrence::default()
                },
            )
        })
        .unwrap()
        .value;
    let err = ws
        .write("Huda", |w| {
            problem::set_contact_times(w, o.id, Some(opened), Some(opened - Duration::hours(1)))
        })
        .unwrap_err();
    assert_eq!(
        rule_of(&err),
        vec![("resolvedAt".into(), Rule::BeforeStart, None)]
    );
    let err = ws
        .write("Huda", |w| {
            problem::set_contact_times(w, o.id, None, Some(opened))
        })
        .unwrap_err();
    assert_eq!(rule_of(&err)[0].0, "openedAt");
    let err = ws
        .write("Huda", |w| {
            problem::set_contact_times(w, o.id, Some(Utc::now() + Duration::days(1)), None)
        })
        .unwrap_err();
    assert_eq!(
        rule_of(&err),
        vec![("openedAt".into(), Rule::InFuture, None)]
    );
    let set = ws
        .write("Huda", |w| {
            problem::set_contact_times(w, o.id, Some(opened), Some(opened + Duration::hours(6)))
        })
        .unwrap()
        .value;
    assert_eq!(set.resolved_at, Some(opened + Duration::hours(6)));
    assert_eq!(
        problem::occurrences(ws.conn(), p).unwrap()[0].opened_at,
        Some(opened)
    );
    let d = metrics::dashboard(
        ws.conn(),
        &DashboardQuery {
            from: day(2026, 2, 1),
            to: day(2026, 2, 28),
            channel: Some(Channel::Phone),
            problem_id: None,
            granularity: Granularity::Month,
            touchpoint_id: None,
            segment: None,
        },
    )
    .unwrap();
    assert_eq!(
        (d.ttr.median_hours, d.ttr.n, d.ttr.thin),
        (Some(6.0), 1, true)
    );
    assert_eq!(d.trend[0].ttr.median_hours, Some(6.0));
}

// --------------------------------------------------------------- dashboard

fn figure(d: &[metrics::MeasureFigure], m: Measure) -> Figure {
    d.iter().find(|f| f.measure == m).unwrap().figure
}

#[test]
fn the_dashboard_by_channel_with_its_trend_and_the_problems_that_hurt() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let refund = new_problem(&mut ws, "Refund never arrives");
    let login = new_problem(&mut ws, "لا يصل رمز التحقق");
    ws.write("Huda", |w| {
        // Week of 2 March (chat): NPS 10, 9, 7, 3 (refund), 0 (refund).
        for (score, p) in [
            (10, None),
            (9, None),
            (7, None),
            (3, Some(refund)),
            (0, Some(refund)),
        ] {
            metrics::add_response(
                w,
                &ResponseInput {
                    problem_id: p,
                    ..answer(SurveyKind::Nps, score, day(2026, 3, 2))
                },
            )?;
        }
        // Week of 9 March (chat): CSAT 5, 4, 2 (login); CES 1 on seven
        // points, easy end low (an ease of 7).
        for (score, p) in [(5, None), (4, None), (2, Some(login))] {
            metrics::add_response(
                w,
                &ResponseInput {
                    problem_id: p,
                    ..answer(SurveyKind::Csat, score, day(2026, 3, 10))
                },
            )?;
        }
        metrics::add_response(
            w,
            &ResponseInput {
                ces_scale: Some(7),
                ces_easy: Some(CesEasy::Low),
                ..answer(SurveyKind::Ces, 1, day(2026, 3, 11))
            },
        )?;
        // Another channel, outside the filter.
        metrics::add_response(
            w,
            &ResponseInput {
                channel: Some(Channel::Email),
                ..answer(SurveyKind::Nps, 0, day(2026, 3, 3))
            },
        )?;
        // Outside the range.
        metrics::add_response(w, &answer(SurveyKind::Nps, 0, day(2026, 4, 1)))?;
        Ok(())
    })
    .unwrap();
    let q = DashboardQuery {
        from: day(2026, 3, 1),
        to: day(2026, 3, 15),
        channel: Some(Channel::Chat),
        problem_id: None,
        granularity: Granularity::Week,
        touchpoint_id: None,
        segment: None,
    };
    let d = metrics::dashboard(ws.conn(), &q).unwrap();
    // NPS: 2 promoters, 1 passive, 2 detractors of 5: 40% - 40% = 0.
    let nps = figure(&d.figures, Measure::Nps);
    assert_eq!((nps.value, nps.n, nps.thin), (Some(0.0), 5, true));
    // CSAT: 2 of 3.
    close(figure(&d.figures, Measure::Csat).value, 200.0 / 3.0);
    close(figure(&d.figures, Measure::Ces7).value, 7.0);
    assert_eq!(figure(&d.figures, Measure::Ces5).n, 0);
    // Weeks starting 23 Feb (1 March is a Sunday), 2 March, 9 March.
    let starts: Vec<NaiveDate> = d.trend.iter().map(|p| p.start).collect();
    assert_eq!(
        starts,
        vec![day(2026, 2, 23), day(2026, 3, 2), day(2026, 3, 9)]
    );
    assert_eq!(figure(&d.trend[1].figures, Measure::Nps).n, 5);
    assert_eq!(figure(&d.trend[2].figures, Measure::Csat).n, 3);
    // The problems that hurt: refund for NPS (2 detractors), login for CSAT.
    let hurts = |m: Measure| {
        d.hurts
            .iter()
            .find(|h| h.measure == m)
            .unwrap()
            .problems
            .iter()
            .map(|p| (p.title.clone(), p.negative))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        hurts(Measure::Nps),
        vec![("Refund never arrives".to_owned(), 2)]
    );
    assert_eq!(
        hurts(Measure::Csat),
        vec![("لا يصل رمز التحقق".to_owned(), 1)]
    );
    assert!(hurts(Measure::Ces7).is_empty());
    // Every channel: the email detractor joins. One problem only: its two.
    let all = metrics::dashboard(
        ws.conn(),
        &DashboardQuery {
            channel: None,
            ..q.clone()
        },
    )
    .unwrap();
    assert_eq!(figure(&all.figures, Measure::Nps).n, 6);
    let one = metrics::dashboard(
        ws.conn(),
        &DashboardQuery {
            problem_id: Some(refund),
            ..q.clone()
        },
    )
    .unwrap();
    assert_eq!(figure(&one.figures, Measure::Nps).value, Some(-100.0));
    // Months: one bucket.
    let monthly = metrics::dashboard(
        ws.conn(),
        &DashboardQuery {
            granularity: Granularity::Month,
            ..q.clone()
        },
    )
    .unwrap();
    assert_eq!(monthly.trend.len(), 1);
    assert_eq!(monthly.trend[0].start, day(2026, 3, 1));
    // A range that ends before it starts is refused.
    let err = metrics::dashboard(
        ws.conn(),
        &DashboardQuery {
            to: day(2026, 2, 1),
            ..q
        },
    )
    .unwrap_err();
    assert_eq!(rule_of(&err)[0].1, Rule::BeforeStart);
}

#[test]
fn before_and_after_a_fix_each_measure_gets_a_verdict() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = new_problem(&mut ws, "Invoice shows the wrong VAT");
    let done = time::today_utc() - Duration::days(60);
    let action = ws
        .write("Huda", |w| {
            let a = action::create(
                w,
                &NewAction {
                    problem_id: p.to_string(),
                    title: "Fix the VAT rounding".into(),
                    kind: ActionKind::Corrective,
                    description: None,
                    cause_ids: None,
                    owner: None,
                    due_on: None,
                    priority: None,
                    check_method: None,
                },
            )?;
            workflow::edit_action(w, a.id, &ActionEdit::Status(ActionStatus::Done))?;
            w.tx().execute(
                "UPDATE actions SET done_on = ?1 WHERE id = ?2",
                rusqlite::params![done.to_string(), a.id],
            )?;
            Ok(a)
        })
        .unwrap()
        .value;
    ws.write("Huda", |w| {
        // Before (weeks 1-4 earlier): CSAT 16 of 40 satisfied; NPS all
        // detractors. After: CSAT 32 of 40; NPS all detractors too.
        for i in 0..40_u8 {
            let before = done - Duration::days(1 + i64::from(i % 28));
            let after = done + Duration::days(1 + i64::from(i % 28));
            for (on, satisfied) in [(before, i < 16), (after, i < 32)] {
                metrics::add_response(
                    w,
                    &ResponseInput {
                        problem_id: Some(p),
                        ..answer(SurveyKind::Csat, if satisfied { 5 } else { 2 }, on)
                    },
                )?;
                metrics::add_response(
                    w,
                    &ResponseInput {
                        problem_id: Some(p),
                        ..answer(SurveyKind::Nps, 3, on)
                    },
                )?;
            }
        }
        // On the done day itself: in neither window.
        metrics::add_response(
            w,
            &ResponseInput {
                problem_id: Some(p),
                ..answer(SurveyKind::Csat, 1, done)
            },
        )?;
        Ok(())
    })
    .unwrap();
    let effects = metrics::fix_effects(ws.conn(), p, 8).unwrap();
    assert_eq!(effects.len(), 1);
    let e = &effects[0];
    assert_eq!(
        (e.action_id.as_str(), e.done_on),
        (action.id.to_string().as_str(), done)
    );
    let m = |measure: Measure| e.measures.iter().find(|c| c.measure == measure).unwrap();
    // CSAT 40% → 80% on 40 each: the difference 18.67 .. 56.63, improved.
    let csat = m(Measure::Csat);
    assert_eq!((csat.before.n, csat.after.n), (40, 40));
    close(csat.difference.low, 18.67);
    assert_eq!(csat.verdict, Verdict::Improved);
    // NPS -100 before and after: no clear change.
    assert_eq!(m(Measure::Nps).verdict, Verdict::NoClearChange);
    assert_eq!(m(Measure::Ces5).verdict, Verdict::NoData);
    // A problem without done actions has nothing to compare.
    let other = new_problem(&mut ws, "Nothing done yet");
    assert!(metrics::fix_effects(ws.conn(), other, 8)
        .unwrap()
        .is_empty());
}

// ------------------------------------------------------------------ import

const FILE: &str = "\u{feff}Type,Score,Date,Channel,Comment,Ticket,Problem\n\
NPS,9,2026-03-02,chat,great,ZD-1,\n\
csat,4,2026-03-02T10:00:00Z,In person,,ZD-2,Refund never arrives\n\
NPS,11,2026-03-03,chat,,,\n\
csat,3,03/04/2026,fax,,,No such problem\n\
CES,2,2026-03-04,email,,,\n";

fn mapping() -> ColumnMapping {
    ColumnMapping {
        kind: Some(0),
        score: 1,
        responded_on: 2,
        channel: Some(3),
        comment: Some(4),
        ticket_ref: Some(5),
        problem: Some(6),
        ces_scale: Some(7),
        ces_easy: Some(CesEasy::Low),
        ..ColumnMapping::default()
    }
}

fn stored(ws: &Workspace) -> u32 {
    ws.conn()
        .query_row("SELECT count(*) FROM survey_responses", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn an_import_checks_every_row_first_and_previews_them_as_stored() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let refund = new_problem(&mut ws, "Refund never arrives");
    assert_eq!(
        import::headers(FILE),
        vec!["Type", "Score", "Date", "Channel", "Comment", "Ticket", "Problem"]
    );
    let c = import::check(ws.conn(), FILE, &mapping()).unwrap();
    assert_eq!((c.rows, c.good), (5, 3));
    let issues: Vec<(u32, &str, Rule, Option<u32>, &str)> = c
        .issues
        .iter()
        .map(|i| (i.row, i.column.as_str(), i.rule, i.limit, i.value.as_str()))
        .collect();
    assert_eq!(
        issues,
        vec![
            (4, "Score", Rule::OutOfScale, Some(10), "11"),
            (5, "Date", Rule::Invalid, None, "03/04/2026"),
            (5, "Channel", Rule::Invalid, None, "fax"),
            (5, "Problem", Rule::Invalid, None, "No such problem"),
        ]
    );
    assert_eq!(c.preview.len(), 5);
    let second = c.preview[1].response.clone().unwrap();
    assert_eq!(second.channel, Some(Channel::InPerson));
    assert_eq!(second.problem_id, Some(refund));
    assert_eq!(second.responded_on, day(2026, 3, 2));
    assert!(c.preview[2].response.is_none());
    let ces = c.preview[4].response.clone().unwrap();
    assert_eq!((ces.ces_scale, ces.ces_easy), (Some(7), Some(CesEasy::Low)));

    // Without asking for the good rows only: nothing is imported.
    let mut heard = Vec::new();
    let out = import::import(
        &mut ws,
        "Huda",
        FILE,
        &mapping(),
        false,
        &mut |p| heard.push(p),
        &AtomicBool::new(false),
    )
    .unwrap()
    .value;
    assert_eq!((out.imported, out.issue_count), (0, 4));
    assert_eq!(stored(&ws), 0);
    // Asking for them: the three good rows, in one write, with one history
    // entry; the bad ones listed.
    let out = import::import(
        &mut ws,
        "Huda",
        FILE,
        &mapping(),
        true,
        &mut |p| heard.push(p),
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!((out.value.imported, out.value.skipped), (3, 2));
    assert_eq!(out.changes.len(), 1);
    assert_eq!(stored(&ws), 3);
    assert_eq!(heard.last().map(|p| (p.done, p.total)), Some((3, 3)));
    let entries: u32 = ws
        .conn()
        .query_row(
            "SELECT count(*) FROM history WHERE entity = 'survey_response' AND field = 'imported' AND new_value = '3'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(entries, 1);
}

#[test]
fn a_fixed_kind_a_bad_mapping_and_a_cancelled_import() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let file = "score,day\n10,2026-01-05\n8,2026-01-06\n";
    let fixed = ColumnMapping {
        fixed_kind: Some(SurveyKind::Nps),
        score: 0,
        responded_on: 1,
        ..ColumnMapping::default()
    };
    // A column that is not there, and no kind at all.
    let c = import::check(
        ws.conn(),
        file,
        &ColumnMapping {
            fixed_kind: None,
            score: 5,
            ..fixed.clone()
        },
    )
    .unwrap();
    let issues: Vec<(u32, &str, Rule)> = c
        .issues
        .iter()
        .map(|i| (i.row, i.column.as_str(), i.rule))
        .collect();
    assert_eq!(
        issues,
        vec![(1, "score", Rule::Invalid), (1, "kind", Rule::Required)]
    );
    // Cancelled: nothing is kept.
    let out = import::import(
        &mut ws,
        "Huda",
        file,
        &fixed,
        false,
        &mut |_| {},
        &AtomicBool::new(true),
    )
    .unwrap();
    assert!(out.value.cancelled);
    assert_eq!((out.value.imported, stored(&ws)), (0, 0));
    let out = import::import(
        &mut ws,
        "Huda",
        file,
        &fixed,
        false,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap();
    assert_eq!((out.value.imported, stored(&ws)), (2, 2));
    // A cancel flag raised while the import runs stops it at the next check.
    let big: String = std::iter::once("score,day\n".to_owned())
        .chain((0..2_500).map(|_| "7,2026-01-07\n".to_owned()))
        .collect();
    let flag = AtomicBool::new(false);
    let out = import::import(
        &mut ws,
        "Huda",
        &big,
        &fixed,
        false,
        &mut |p| {
            if p.done >= 1_000 {
                flag.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        },
        &flag,
    )
    .unwrap();
    assert!(out.value.cancelled);
    assert_eq!(
        stored(&ws),
        2,
        "the rows written before the cancel are gone too"
    );
}

/// The daily counts as the triggers keep them equal the live answers
/// counted afresh.
pub fn daily_counts_match(conn: &rusqlite::Connection) {
    let read = |sql: &str| -> Vec<String> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| {
                Ok(format!(
                    "{}|{}|{}|{}|{}|{}|{}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, i64>(6)?
                ))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let kept = read(
        "SELECT channel, day, kind, ces_scale, ces_easy, score, n FROM survey_daily WHERE n > 0
         ORDER BY 1, 2, 3, 4, 5, 6",
    );
    let fresh = read(
        "SELECT coalesce(channel, ''), responded_on, kind, coalesce(ces_scale, 0),
                coalesce(ces_easy, ''), score, count(*)
         FROM survey_responses WHERE deleted_at IS NULL
         GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6",
    );
    assert_eq!(kept, fresh);
    let negative: u32 = conn
        .query_row("SELECT count(*) FROM survey_daily WHERE n < 0", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(negative, 0);
}

#[test]
fn the_daily_counts_follow_every_add_edit_trash_and_restore() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let on = day(2026, 5, 4);
    let (a, b) = ws
        .write("Huda", |w| {
            let a = metrics::add_response(w, &answer(SurveyKind::Nps, 9, on))?;
            let b = metrics::add_response(w, &answer(SurveyKind::Nps, 9, on))?;
            metrics::add_response(
                w,
                &ResponseInput {
                    channel: None,
                    ..answer(SurveyKind::Ces, 4, on)
                },
            )?;
            Ok((a.id, b.id))
        })
        .unwrap()
        .value;
    daily_counts_match(ws.conn());
    ws.write("Huda", |w| {
        metrics::edit_response(
            w,
            a,
            &ResponseInput {
                channel: Some(Channel::Email),
                ..answer(SurveyKind::Nps, 2, day(2026, 5, 5))
            },
        )
    })
    .unwrap();
    daily_counts_match(ws.conn());
    ws.write("Huda", |w| metrics::delete_response(w, b))
        .unwrap();
    daily_counts_match(ws.conn());
    ws.write("Huda", |w| metrics::restore_response(w, b))
        .unwrap();
    daily_counts_match(ws.conn());
    let d = metrics::dashboard(
        ws.conn(),
        &DashboardQuery {
            from: day(2026, 5, 1),
            to: day(2026, 5, 31),
            channel: None,
            problem_id: None,
            granularity: Granularity::Month,
            touchpoint_id: None,
            segment: None,
        },
    )
    .unwrap();
    // NPS 2 (email) and 9 (chat): one promoter, one detractor.
    let nps = figure(&d.figures, Measure::Nps);
    assert_eq!((nps.value, nps.n), (Some(0.0), 2));
    assert_eq!(figure(&d.figures, Measure::Ces5).n, 1);
}

#[test]
fn the_latest_answers_and_a_problems_answers_are_listed_without_the_trashed() {
    let mut ws = Workspace::open_in_memory().unwrap();
    let p = new_problem(&mut ws, "التطبيق يتوقف عند الدفع");
    let mut ids = Vec::new();
    for (i, (score, linked)) in [(9, true), (3, false), (7, true), (10, false)]
        .into_iter()
        .enumerate()
    {
        let input = ResponseInput {
            problem_id: linked.then_some(p),
            ..answer(SurveyKind::Nps, score, day(2026, 3, 10 - i as u32))
        };
        ids.push(
            ws.write("Huda", |w| metrics::add_response(w, &input))
                .unwrap()
                .value
                .id,
        );
    }
    ws.write("Huda", |w| metrics::delete_response(w, ids[3]))
        .unwrap();
    // The newest added first; the trashed one left out; the limit kept.
    let latest = metrics::recent_responses(ws.conn(), None, 2).unwrap();
    assert_eq!(
        latest.iter().map(|r| r.id).collect::<Vec<_>>(),
        [ids[2], ids[1]]
    );
    // A problem's answers: the latest day first.
    let linked = metrics::recent_responses(ws.conn(), Some(p), 50).unwrap();
    assert_eq!(
        linked.iter().map(|r| (r.id, r.score)).collect::<Vec<_>>(),
        [(ids[0], 9), (ids[2], 7)]
    );
}

// ------------------------------------------------- touchpoints and segments

#[test]
fn the_dashboard_by_touchpoint_and_by_segment() {
    use rootwise_core::journey::{self, NewJourney, NewTouchpoint};
    let mut ws = Workspace::open_in_memory().unwrap();
    let (tracking, refund) = ws
        .write("Huda", |w| {
            let enterprise = problem::create(
                w,
                &NewProblem {
                    title: "رابط التتبع لا يعمل".into(),
                    segment: Some(" Enterprise ".into()),
                    ..NewProblem::default()
                },
            )?;
            let small = problem::create(
                w,
                &NewProblem {
                    title: "Refund never arrives".into(),
                    segment: Some("Small business".into()),
                    ..NewProblem::default()
                },
            )?;
            Ok((enterprise.id, small.id))
        })
        .unwrap()
        .value;
    let (delivery, checkout) = ws
        .write("Huda", |w| {
            let map = journey::create_map(
                w,
                &NewJourney {
                    name: "Online order".into(),
                    state: None,
                    persona_ids: None,
                    review_months: None,
                    starting_stages: None,
                },
            )?;
            let stage = journey::add_stage(w, map.id, "Delivery", None)?;
            let tp = |w: &mut rootwise_core::store::Writer<'_>, name: &str| {
                journey::add_touchpoint(
                    w,
                    &NewTouchpoint {
                        stage_id: stage.id,
                        name: name.into(),
                        ..NewTouchpoint::default()
                    },
                )
                .map(|t| t.id)
            };
            let delivery = tp(w, "Tracking page")?;
            let checkout = tp(w, "Checkout")?;
            journey::link_problem(w, delivery, tracking)?;
            Ok((delivery, checkout))
        })
        .unwrap()
        .value;
    ws.write("Huda", |w| {
        let on = day(2026, 3, 2);
        // About the tracking problem (linked to the touchpoint): 0 and 3.
        for score in [0, 3] {
            metrics::add_response(
                w,
                &ResponseInput {
                    problem_id: Some(tracking),
                    ..answer(SurveyKind::Nps, score, on)
                },
            )?;
        }
        // About the touchpoint itself, no problem: 10.
        metrics::add_response(
            w,
            &ResponseInput {
                touchpoint_id: Some(delivery),
                ..answer(SurveyKind::Nps, 10, on)
            },
        )?;
        // About another touchpoint: 9; about the refund problem: 9, 10.
        metrics::add_response(
            w,
            &ResponseInput {
                touchpoint_id: Some(checkout),
                ..answer(SurveyKind::Nps, 9, on)
            },
        )?;
        for score in [9, 10] {
            metrics::add_response(
                w,
                &ResponseInput {
                    problem_id: Some(refund),
                    ..answer(SurveyKind::Nps, score, on)
                },
            )?;
        }
        Ok(())
    })
    .unwrap();
    // Reports with resolution times: 2 h on the tracking problem, 30 h on the refund.
    for (p, hours) in [(tracking, 2), (refund, 30)] {
        ws.write("Huda", |w| {
            let o = workflow::log_occurrence(
                w,
                p,
                &NewOccurrence {
                    occurred_on: Some(day(2026, 3, 3)),
                    ..NewOccurrence::default()
                },
            )?;
            let opened = Utc.with_ymd_and_hms(2026, 3, 3, 8, 0, 0).unwrap();
            problem::set_contact_times(w, o.id, Some(opened), Some(opened + Duration::hours(hours)))
        })
        .unwrap();
    }
    let query = |touchpoint, segment: Option<&str>| DashboardQuery {
        from: day(2026, 3, 1),
        to: day(2026, 3, 31),
        channel: None,
        problem_id: None,
        touchpoint_id: touchpoint,
        segment: segment.map(str::to_owned),
        granularity: Granularity::Week,
    };

    // Both touchpoints are there to name, map by map.
    let named: Vec<_> = journey::all_touchpoints(ws.conn())
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.stage_name, t.map_name))
        .collect();
    assert_eq!(
        named,
        [
            (
                "Tracking page".into(),
                "Delivery".into(),
                "Online order".into()
            ),
            ("Checkout".into(), "Delivery".into(), "Online order".into())
        ]
    );
    // The touchpoint: its own answer (10) and its problem's (0, 3): one
    // promoter, two detractors of three = -33.3; the problem's contact only.
    let d = metrics::dashboard(ws.conn(), &query(Some(delivery), None)).unwrap();
    let nps = figure(&d.figures, Measure::Nps);
    assert_eq!(nps.n, 3);
    close(nps.value, 100.0 / 3.0 - 200.0 / 3.0);
    assert_eq!(d.ttr.n, 1);
    close(d.ttr.median_hours, 2.0);
    // The problems that hurt it are among its answers only.
    let hurts: Vec<_> = d
        .hurts
        .iter()
        .flat_map(|h| h.problems.iter().map(|p| p.problem_id))
        .collect();
    assert_eq!(hurts, vec![tracking]);

    // A segment, named in another case and without its spaces: the
    // enterprise problem's answers (0, 3) and contact.
    let d = metrics::dashboard(ws.conn(), &query(None, Some("enterprise"))).unwrap();
    let nps = figure(&d.figures, Measure::Nps);
    assert_eq!(nps.n, 2);
    close(nps.value, -100.0);
    close(d.ttr.median_hours, 2.0);
    let d = metrics::dashboard(ws.conn(), &query(None, Some("Small business"))).unwrap();
    close(figure(&d.figures, Measure::Nps).value, 100.0);
    close(d.ttr.median_hours, 30.0);
    // A blank segment filters nothing: all six answers.
    let d = metrics::dashboard(ws.conn(), &query(None, Some("  "))).unwrap();
    assert_eq!(figure(&d.figures, Measure::Nps).n, 6);

    // An answer about a touchpoint that is not there is refused.
    let err = ws
        .write("Huda", |w| {
            metrics::add_response(
                w,
                &ResponseInput {
                    touchpoint_id: Some(rootwise_core::ids::TouchpointId::new()),
                    ..answer(SurveyKind::Nps, 5, day(2026, 3, 2))
                },
            )
        })
        .unwrap_err();
    assert!(matches!(err, Error::NotFound { .. }), "{err:?}");
    // History names the touchpoint an answer is about.
    let answers = metrics::recent_responses(ws.conn(), None, 10).unwrap();
    let own = answers
        .iter()
        .find(|r| r.touchpoint_id == Some(delivery))
        .unwrap();
    let entries = history::for_entity(ws.conn(), "survey_response", &own.id.to_string()).unwrap();
    assert!(
        entries
            .iter()
            .any(|h| h.field.as_deref() == Some("touchpoint")),
        "{entries:?}"
    );
}
