//! The problem's words that other areas show too: where a customer
//! reached us ([`Channel`], also a persona's channels), how badly a problem
//! hurts ([`Severity`]) and where it stands ([`Status`], on a persona's and
//! an analysis's page). The problem area owns their rules
//! (`Status::can_move_to` is in `problem::model`); they live here so that
//! an area can carry them without depending on the problem area.

crate::text_enum! {
    /// Where the customer reached us.
    pub enum Channel {
        /// A phone call.
        Phone = "phone",
        /// An email.
        Email = "email",
        /// Live chat.
        Chat = "chat",
        /// Social media.
        Social = "social",
        /// In person (a branch, a shop, a visit).
        InPerson = "in_person",
        /// Self-service: the website, the app, a portal.
        SelfService = "self_service",
        /// Anything else.
        Other = "other",
    }
}

crate::text_enum! {
    /// How badly the problem hurts customers.
    pub enum Severity {
        /// Low.
        Low = "low",
        /// Medium.
        Medium = "medium",
        /// High.
        High = "high",
        /// Critical.
        Critical = "critical",
    }
}

crate::text_enum! {
    /// Where the problem stands, from logged to closed.
    pub enum Status {
        /// Logged, nobody is on it yet.
        New = "new",
        /// The team is asking why.
        Investigating = "investigating",
        /// A root cause is confirmed.
        RootCauseFound = "root_cause_found",
        /// Corrective actions are under way.
        ActionsInProgress = "actions_in_progress",
        /// The fix is in; watching whether the problem recurs.
        Monitoring = "monitoring",
        /// Done: the root cause has a fix that worked.
        Closed = "closed",
    }
}
