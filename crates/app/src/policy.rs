//! Who may do what: the one place SOLEIL decides authorisation.
//!
//! Two questions, always asked in this order:
//! 1. may this role use this operation at all ([`permits`])? The match is
//!    exhaustive, so a new [`Operation`] without a rule does not compile;
//! 2. which records may this user see ([`scope`])? Lists and reads are
//!    filtered by it in the store, so a record outside it does not exist for
//!    the caller. Record-level rules for changes (the case's own manager, a
//!    plan's reviewers) are the `may_*` functions below.
//!
//! Nothing crosses regions: every scope is bounded by the user's region.

use soleil_domain::{Case, CaseState, Plan, Role, User};
use soleil_store::Scope;

/// Every operation of the API and the pages, named after what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::EnumIter, strum::IntoStaticStr)]
pub enum Operation {
    ListRegions,
    ReadOwnAccount,
    ListOrganisations,
    ReadOrganisation,
    CreateOrganisation,
    UpdateOrganisation,
    ListUsers,
    ReadUser,
    CreateUser,
    UpdateUser,
    CreatePerson,
    ListPersons,
    ReadPerson,
    CreateScreening,
    ReadScreening,
    UpdateScreening,
    SendScreening,
    ViewQueue,
    ListCases,
    ReadCase,
    RecordAssessment,
    TransitionCase,
    ManageTeam,
    ReadPlan,
    DraftPlan,
    ReviewPlan,
    RecordAgreement,
    UpdateAction,
    ReadAudit,
    ReadStatistics,
    ReadMonitoring,
    RecordParticipantData,
    ExportResearch,
    ManageTargets,
    TraceFigures,
    PublishInstrument,
    ListPlaces,
    ReadPlace,
    DeclarePlace,
    AllocatePlace,
    ListReferrals,
    ReadReferral,
    SendReferral,
    AnswerReferral,
    ReadReferenceData,
    ReadReferralStatistics,
    SearchServices,
    ReadService,
    EditService,
    ImportDirectory,
    ExportDirectory,
    ReadDocuments,
    ManageDocuments,
    ListReminders,
    CompleteReminder,
    CheckPossibleMatches,
    ReviewIdentityPairs,
    DecideIdentityPairs,
    SearchDuplicates,
    // Inclusion: labs and courses.
    ListCourses,
    ReadCourse,
    ManageCourses,
    EnrolPersons,
    ReadEnrolments,
    RecordAttendance,
    // Inclusion: support measures and budgets.
    ReadBudgets,
    ManageBudgets,
    ReadDisbursements,
    ProposeDisbursement,
    ApproveDisbursement,
    ReadStatements,
    // Inclusion: employers and their needs.
    ListEmployers,
    ReadEmployer,
    ManageEmployers,
    ReadEmployerNeeds,
    ManageEmployerLogins,
    // Inclusion: job offers, matching, recruiting days.
    ReadJobOffers,
    ManageJobOffers,
    ReadWorkProfile,
    ManageWorkProfile,
    MatchCandidates,
    ProposeCandidates,
    AnswerProposals,
    ManageRecruitingDays,
    // Inclusion: work placements and their follow-ups.
    ReadWorkPlacements,
    RecordWorkPlacements,
    RecordFollowUps,
    UseEmployerPortal,
}

/// Whether a role may use an operation at all.
pub fn permits(role: Role, operation: Operation) -> bool {
    use Operation::*;
    use Role::*;
    match operation {
        ListRegions | ReadOwnAccount => true,
        // The network's organisations include shelters: not for employers.
        ListOrganisations | ReadOrganisation => role != Employer,
        CreateOrganisation | UpdateOrganisation | CreateUser | UpdateUser | PublishInstrument => {
            role == Admin
        }
        // Secretariat and case managers pick case managers and team members.
        ListUsers | ReadUser => matches!(role, Admin | Secretariat | CaseManager),
        CreatePerson | CreateScreening | UpdateScreening | SendScreening => {
            matches!(role, Frontline | Secretariat | CaseManager)
        }
        ListPersons | ReadPerson | ReadScreening | ListCases | ReadCase | ReadPlan => {
            matches!(role, Frontline | Secretariat | CaseManager | Service)
        }
        ViewQueue | RecordAssessment => role == Secretariat,
        TransitionCase | ManageTeam => matches!(role, Secretariat | CaseManager),
        DraftPlan | RecordAgreement => role == CaseManager,
        ReviewPlan => matches!(role, Service | CaseManager | Secretariat),
        UpdateAction => matches!(role, CaseManager | Service),
        ReadAudit => matches!(role, Admin | Auditor),
        ReadStatistics => matches!(role, Coordinator | Secretariat),
        // The referral chain measured: counts only, never a person; admins
        // and network coordinators for any region or the whole network.
        ReadMonitoring => matches!(role, Coordinator | Secretariat | Admin),
        // A case's ESF+ answers (special categories among them): those who
        // act for the case read and record them.
        RecordParticipantData => matches!(role, Secretariat | CaseManager),
        // The pseudonymised research dataset: for the impact evaluation,
        // handed over by the network's coordination.
        ExportResearch => matches!(role, Coordinator | Admin),
        // How long each step should take: the region's coordination decides.
        ManageTargets => matches!(role, Coordinator | Admin),
        // A figure followed to the cases behind it: the region's secretariat,
        // who may read them; coordinators and admins read counts only.
        TraceFigures => role == Secretariat,
        // Emergency places: the facilities declare them, the secretariat allocates them.
        ListPlaces | ReadPlace => matches!(role, Admin | Secretariat | Service),
        DeclarePlace => matches!(role, Admin | Service),
        AllocatePlace => role == Secretariat,
        // Referrals: case managers and the secretariat send, services answer.
        ListReferrals | ReadReferral => matches!(role, Secretariat | CaseManager | Service),
        SendReferral => matches!(role, Secretariat | CaseManager),
        AnswerReferral => role == Service,
        // The comuni of Italy and foreign states: public data every role needs
        // in its forms; the codice fiscale worked out from them reads no record.
        ReadReferenceData => true,
        // Referral figures per service: counts only; admins for any region.
        ReadReferralStatistics => matches!(role, Coordinator | Secretariat | Admin),
        // The services directory holds no personal data: everyone signed in
        // reads it; an organisation's own staff and the secretariat keep it.
        // Employers' logins see their own records only: the directory lists
        // shelters and anti-trafficking services.
        SearchServices | ReadService | ExportDirectory => role != Employer,
        EditService => matches!(role, Admin | Secretariat | Frontline | CaseManager | Service),
        ImportDirectory => matches!(role, Admin | Secretariat),
        // Identity and stay documents: read with the person, kept by those
        // who record persons; the person must be in the caller's scope.
        ReadDocuments => matches!(role, Frontline | Secretariat | CaseManager | Service),
        ManageDocuments => matches!(role, Frontline | Secretariat | CaseManager),
        // Permit-expiry reminders: the case manager's own, the region's for
        // the secretariat, every region's for admins (without identities).
        ListReminders | CompleteReminder => matches!(role, Secretariat | CaseManager | Admin),
        // One person, one record: whoever records a person is warned of
        // possible duplicates; the secretariat (its region) and admins
        // (every region) reconcile them.
        CheckPossibleMatches => matches!(role, Frontline | Secretariat | CaseManager),
        ReviewIdentityPairs | DecideIdentityPairs | SearchDuplicates => matches!(role, Admin | Secretariat),
        // Labs: the catalogue holds no personal data; training bodies (service
        // users of the course's organisation) and the secretariat run them,
        // case managers enrol the persons whose plans they manage.
        ListCourses | ReadCourse => !matches!(role, Auditor | Employer),
        ManageCourses => matches!(role, Admin | Secretariat | Service),
        EnrolPersons => matches!(role, Secretariat | CaseManager),
        ReadEnrolments => matches!(role, Secretariat | CaseManager | Service),
        RecordAttendance => matches!(role, Secretariat | Service),
        // Money: the secretariat keeps the budget lines and approves what
        // case managers propose; coordinators see the lines' totals only.
        ReadBudgets => matches!(role, Admin | Secretariat | Coordinator | CaseManager),
        ManageBudgets => matches!(role, Admin | Secretariat),
        ReadDisbursements | ProposeDisbursement => matches!(role, Secretariat | CaseManager),
        ApproveDisbursement | ReadStatements => role == Secretariat,
        // Employers: job services, case managers and the secretariat keep
        // them; an employer's own login reads its own record only.
        ListEmployers | ReadEmployer => !matches!(role, Auditor | Frontline),
        ManageEmployers => matches!(role, Admin | Secretariat | CaseManager | Service),
        ReadEmployerNeeds => matches!(role, Admin | Secretariat | CaseManager | Service | Coordinator),
        ManageEmployerLogins => matches!(role, Admin | Secretariat),
        // Offers: whoever keeps employers, and the employer itself; matching
        // reads persons, so only those who manage their paths.
        ReadJobOffers => !matches!(role, Auditor | Frontline | Coordinator),
        ManageJobOffers => matches!(role, Admin | Secretariat | CaseManager | Service | Employer),
        ReadWorkProfile => matches!(role, Secretariat | CaseManager | Service),
        ManageWorkProfile | MatchCandidates | ProposeCandidates => matches!(role, Secretariat | CaseManager),
        AnswerProposals => matches!(role, Secretariat | CaseManager | Employer),
        ManageRecruitingDays => matches!(role, Secretariat | CaseManager | Service),
        // Work placements: recorded by the case's manager or the secretariat;
        // the employer sees its own.
        ReadWorkPlacements => matches!(role, Secretariat | CaseManager | Service | Employer),
        RecordWorkPlacements | RecordFollowUps => matches!(role, Secretariat | CaseManager),
        UseEmployerPortal => role == Employer,
    }
}

/// The identifying records a user may see.
pub fn scope(user: &User) -> Scope {
    match (user.role, user.region) {
        (Role::Secretariat, Some(region)) => Scope::Region(region),
        (Role::Frontline | Role::CaseManager | Role::Service, Some(region)) => Scope::Member {
            user: user.id,
            region,
        },
        _ => Scope::Nothing,
    }
}

/// The case's own manager.
pub fn manages(user: &User, case: &Case) -> bool {
    case.case_manager_id == Some(user.id)
}

/// The regional secretariat of the case.
pub fn is_secretariat_of(user: &User, case: &Case) -> bool {
    user.role == Role::Secretariat && user.region == Some(case.region)
}

/// Who may move a case by hand (the plan's own steps have their rules).
pub fn may_transition(user: &User, case: &Case, to: CaseState) -> bool {
    match (case.state, to) {
        (_, CaseState::Closed) => is_secretariat_of(user, case) || manages(user, case),
        (CaseState::Reported, CaseState::Assessing) | (CaseState::Emergency, CaseState::Planning) => {
            is_secretariat_of(user, case)
        }
        _ => manages(user, case),
    }
}

/// Who may add and remove members of the zonal working group.
pub fn may_manage_team(user: &User, case: &Case) -> bool {
    is_secretariat_of(user, case) || manages(user, case)
}

/// A reviewer named on the version under review.
pub fn may_review(user: &User, plan: &Plan) -> bool {
    plan.reviewers.contains(&user.id)
}

/// The case manager, or a team member of the organisation responsible.
pub fn may_update_action(
    user: &User,
    case: &Case,
    on_team: bool,
    responsible: soleil_domain::OrganisationId,
) -> bool {
    manages(user, case) || (on_team && user.organisation_id == Some(responsible))
}

/// Who may declare and withdraw a facility's places: admins, and the
/// facility's own service users.
pub fn may_declare_places(user: &User, organisation: soleil_domain::OrganisationId) -> bool {
    user.role == Role::Admin || (user.role == Role::Service && user.organisation_id == Some(organisation))
}

/// Who may see a place: admins, the secretariat of its region, its facility's users.
pub fn may_see_place(user: &User, place: &soleil_domain::Place) -> bool {
    match user.role {
        Role::Admin => true,
        Role::Secretariat => user.region == Some(place.region),
        Role::Service => user.organisation_id == Some(place.organisation_id),
        _ => false,
    }
}

/// Who acts for a case's person beyond its own team: refers them to a
/// service (and cancels the referral), keeps their work profile and proposes
/// them to offers, records their work placements and follow-ups, proposes
/// their allowances. The case's own manager and its regional secretariat.
pub fn acts_for_case(user: &User, case: &Case) -> bool {
    manages(user, case) || is_secretariat_of(user, case)
}

/// Who answers a referral: the service users of the receiving organisation.
pub fn may_answer_referral(user: &User, referral: &soleil_domain::Referral) -> bool {
    user.role == Role::Service && user.organisation_id == Some(referral.organisation_id)
}

/// Who may write an organisation's services in the directory: admins, the
/// secretariat of its region, and the organisation's own staff.
pub fn may_edit_services(user: &User, organisation: &soleil_domain::Organisation) -> bool {
    match user.role {
        Role::Admin => true,
        Role::Secretariat => user.region == Some(organisation.region),
        Role::Frontline | Role::CaseManager | Role::Service => user.organisation_id == Some(organisation.id),
        Role::Auditor | Role::Coordinator | Role::Employer => false,
    }
}

/// Who may import a region's directory: admins, and that region's secretariat.
pub fn may_import_directory(user: &User, region: soleil_domain::RegionCode) -> bool {
    user.role == Role::Admin || (user.role == Role::Secretariat && user.region == Some(region))
}

/// Who may see and close a permit-expiry reminder: admins, the secretariat
/// of its region, the case manager it is assigned to and the one who
/// manages its case now (`case_manager`).
pub fn may_handle_reminder(
    user: &User,
    reminder: &soleil_domain::Reminder,
    case_manager: Option<soleil_domain::UserId>,
) -> bool {
    match user.role {
        Role::Admin => true,
        Role::Secretariat => user.region == Some(reminder.region),
        Role::CaseManager => reminder.assigned_to == Some(user.id) || case_manager == Some(user.id),
        _ => false,
    }
}

/// Who may see a possible duplicate, or a merge, touching these regions:
/// admins, and the secretariat of one of them.
pub fn may_see_identity_pair(user: &User, regions: &[soleil_domain::RegionCode]) -> bool {
    match user.role {
        Role::Admin => true,
        Role::Secretariat => user.region.is_some_and(|own| regions.contains(&own)),
        _ => false,
    }
}

/// Who may merge two persons, mark them distinct, or undo a merge: the
/// secretariat when both are of its region; across regions only admins.
pub fn may_decide_identity_pair(user: &User, regions: &[soleil_domain::RegionCode]) -> bool {
    match user.role {
        Role::Admin => true,
        Role::Secretariat => user.region.is_some_and(|own| regions.iter().all(|r| *r == own)),
        _ => false,
    }
}

// Labs (courses).

/// Who may read a lab of the catalogue: admins, and everyone of its region.
pub fn may_read_course(user: &User, course: &soleil_domain::inclusion::course::Course) -> bool {
    user.role == Role::Admin || user.region == Some(course.region)
}

/// Who may edit a lab and its calendar, and keep its class register:
/// admins, the secretariat of its region, and its training body's service users.
pub fn may_run_course(user: &User, course: &soleil_domain::inclusion::course::Course) -> bool {
    match user.role {
        Role::Admin => true,
        Role::Secretariat => user.region == Some(course.region),
        Role::Service => user.organisation_id == Some(course.organisation_id),
        _ => false,
    }
}

/// Who may see a person enrolled in a lab: the secretariat of the lab's
/// region, its training body's service users, and the manager of the case
/// the person was enrolled from (`case_manager`), for that enrolment only.
pub fn may_see_enrolment(
    user: &User,
    course: &soleil_domain::inclusion::course::Course,
    case_manager: Option<soleil_domain::UserId>,
) -> bool {
    match user.role {
        Role::Secretariat => user.region == Some(course.region),
        Role::Service => user.organisation_id == Some(course.organisation_id),
        Role::CaseManager => case_manager == Some(user.id),
        _ => false,
    }
}

// Job offers (area job_offers).

/// Who may see and keep a job offer: admins, the staff of the offer's
/// region, and the employer's own login for its own offers (`own_employer`).
pub fn may_keep_offer(
    user: &User,
    region: soleil_domain::RegionCode,
    employer: soleil_domain::inclusion::employer::EmployerId,
    own_employer: Option<soleil_domain::inclusion::employer::EmployerId>,
) -> bool {
    match user.role {
        Role::Admin => true,
        Role::Employer => own_employer == Some(employer),
        _ => user.region == Some(region),
    }
}

// Employers (area employers).

/// Who may see an employer's record: admins, the staff of its region, and
/// the employer's own login (`own_employer`).
pub fn may_see_employer(
    user: &User,
    region: soleil_domain::RegionCode,
    employer: soleil_domain::inclusion::employer::EmployerId,
    own_employer: Option<soleil_domain::inclusion::employer::EmployerId>,
) -> bool {
    may_keep_offer(user, region, employer, own_employer)
}
