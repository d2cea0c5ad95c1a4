// The one list of the shell's commands, grouped by the module in
// `src/commands/` that holds them. Everything else is derived from it:
// - `build.rs` includes it to declare each command's `allow-…` permission;
// - `lib.rs` includes it to register the handlers;
// - `contract.rs`'s test keeps the main window's capability and the UI's
//   `CommandName` union (`ui/src/bindings/shell/commands.ts`) equal to it
//   (`make bindings` rewrites both).
// A new command is one line here plus its function; nothing else is typed by hand.
app_commands! {
    workspace {
        workspace_status,
        workspace_open,
        workspace_dialog_start,
    }
    problem {
        problem_list,
        problem_get,
        problem_create,
        problem_edit,
        problem_delete,
        problem_restore,
        problem_merge,
        problem_suggestions,
        occurrence_log,
        occurrence_times,
        sample_load,
        sample_remove,
        sample_count,
    }
    analysis {
        analysis_list,
        analysis_get,
        analysis_create,
        analysis_edit,
        analysis_delete,
        analysis_search,
        why_add,
        why_edit,
        why_move,
        why_delete,
        why_restore,
        evidence_add,
        evidence_edit,
        evidence_remove,
    }
    persona {
        persona_list,
        persona_get,
        persona_create,
        persona_edit,
        persona_delete,
        persona_duplicate,
        persona_picture_pick,
        persona_picture_clear,
        persona_picture,
        quote_add,
        quote_edit,
        quote_delete,
        persona_link_problem,
        problem_personas,
        problem_maps,
        problem_notes,
    }
    empathy {
        map_list,
        map_board,
        map_create,
        map_edit,
        map_delete,
        note_add,
        note_edit,
        note_delete,
        note_restore,
        note_causes,
        why_notes,
        group_create,
        group_rename,
        group_dissolve,
        note_vote,
        note_unvote,
    }
    action {
        action_list,
        action_for_problem,
        action_get,
        action_create,
        action_edit,
        action_delete,
        action_comment,
        action_owners,
        action_problems,
        action_overview,
        action_effect,
        action_root_causes,
        problem_close,
        reminder_check,
        notify,
        action_import,
        action_export,
    }
    metrics {
        metrics_dashboard,
        metrics_fix_effects,
        response_recent,
        response_add,
        response_edit,
        response_delete,
        period_list,
        period_add,
        period_edit,
        period_delete,
        survey_import_pick,
        survey_import_check,
        survey_import_run,
        survey_import_cancel,
        metrics_export_csv,
        touchpoint_choices,
    }
    helpdesk {
        helpdesk_import_pick,
        helpdesk_import_check,
        helpdesk_import_run,
        helpdesk_import_cancel,
        helpdesk_mapping_list,
        helpdesk_mapping_save,
        helpdesk_mapping_delete,
    }
    journey {
        journey_list,
        journey_grid,
        journey_pain,
        touchpoint_problems,
        journey_create,
        journey_edit,
        journey_reviewed,
        journey_delete,
        journey_future,
        journey_match_preview,
        journey_match_link,
        stage_add,
        stage_rename,
        stage_move,
        stage_delete,
        touchpoint_add,
        touchpoint_edit,
        touchpoint_move,
        touchpoint_delete,
        touchpoint_link_problem,
        touchpoint_pin_note,
        touchpoint_pin_quote,
        card_add,
        card_edit,
        card_move,
        card_delete,
        card_make_action,
        journey_markdown,
        journey_reviews_due,
    }
    export {
        export_save,
    }
    trash {
        trash_list,
        trash_restore,
        history_list,
    }
    settings {
        settings_get,
        settings_update,
    }
    sync {
        copies_status,
        copy_rename,
        changes_export,
        changes_merge,
        workspace_copy,
        merge_review_list,
        merge_review_bring_back,
        merge_review_dismiss,
    }
    report {
        report_preview,
        report_save,
        report_period_preview,
        report_period_save,
    }
    hub {
        hub_status,
        hub_workspaces,
        hub_connect,
        hub_join,
        hub_sync_now,
        hub_disconnect,
    }
}
