//! The policy matrix: every route of the API × every role, allowed or
//! denied as the policy says. The routes come from the OpenAPI document, so
//! a route added without its line fails. Each area of the API keeps its own
//! table of expectations and fixture in its own test file; [`AREAS`] says
//! which paths each owns, and the general matrix takes all the others.
//!
//! "Allowed" means the call got past authorisation (any answer but 401, 403
//! or 404); "denied" means 403 or 404. Without a token every route answers 401.

use std::future::Future;

use reqwest::Method;
use serde_json::Value;
use soleil_domain::Role;

use crate::{TestApp, TestUser};

/// Every role, in the order the tables list them.
pub const ALL_ROLES: &[Role] = &[
    Role::Frontline,
    Role::Secretariat,
    Role::CaseManager,
    Role::Service,
    Role::Coordinator,
    Role::Admin,
    Role::Auditor,
    Role::Employer,
];

/// (method, OpenAPI path, the roles allowed on the area's fixture).
pub type Expected = [(&'static str, &'static str, &'static [Role])];

/// The areas whose routes are checked by their own test file, and the path
/// prefixes they own (a prefix owns itself and what follows a `/`).
pub const AREAS: &[(&str, &[&str])] = &[
    (
        "courses",
        &[
            "/api/v1/courses",
            "/api/v1/sessions",
            "/api/v1/enrolments",
            "/api/v1/cases/{id}/enrolments",
        ],
    ),
    (
        "measures",
        &[
            "/api/v1/budget-lines",
            "/api/v1/disbursements",
            "/api/v1/cases/{id}/disbursements",
            "/api/v1/statements",
        ],
    ),
    ("employers", &["/api/v1/employers", "/api/v1/employer-needs"]),
    (
        "job_offers",
        &[
            "/api/v1/job-offers",
            "/api/v1/persons/{id}/work-profile",
            "/api/v1/cases/{id}/matches",
            "/api/v1/proposals",
            "/api/v1/recruiting-days",
        ],
    ),
    (
        "work_placements",
        &[
            "/api/v1/work-placements",
            "/api/v1/cases/{id}/work-placements",
            "/api/v1/follow-ups",
            "/api/v1/employer-portal",
        ],
    ),
];

/// Whether a path belongs to one of these prefixes.
pub fn owned_by(path: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|prefix| {
        path.strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    })
}

/// The prefixes of one area of [`AREAS`].
pub fn area(name: &str) -> &'static [&'static str] {
    AREAS
        .iter()
        .find(|(area, _)| *area == name)
        .map(|(_, prefixes)| *prefixes)
        .unwrap_or_else(|| panic!("no area {name} in matrix::AREAS"))
}

/// Whether a path belongs to no area with its own matrix.
pub fn in_no_area(path: &str) -> bool {
    AREAS.iter().all(|(_, prefixes)| !owned_by(path, prefixes))
}

/// (method, path) of every route in the OpenAPI document that `owns` keeps.
pub async fn routes(t: &TestApp, owns: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let openapi = t
        .call(None, Method::GET, "/api/openapi.json", None)
        .await
        .expect(200);
    let mut routes = Vec::new();
    for (path, item) in openapi["paths"].as_object().expect("paths") {
        if !owns(path) {
            continue;
        }
        for method in item.as_object().expect("path item").keys() {
            routes.push((method.to_uppercase(), path.clone()));
        }
    }
    routes
}

/// Fails unless every route has a line and every line a route.
pub fn assert_listed(routes: &[(String, String)], expected: &Expected) {
    let unlisted: Vec<_> = routes
        .iter()
        .filter(|(m, p)| !expected.iter().any(|(em, ep, _)| em == m && ep == p))
        .collect();
    assert!(
        unlisted.is_empty(),
        "routes without a line in EXPECTED: {unlisted:?}"
    );
    let stale: Vec<_> = expected
        .iter()
        .filter(|(m, p, _)| !routes.iter().any(|(rm, rp)| rm == m && rp == p))
        .collect();
    assert!(
        stale.is_empty(),
        "EXPECTED names routes the API does not have: {stale:?}"
    );
}

/// Calls every line as every user, and once without a token. `probe(method,
/// path, n)` builds what the call needs (a fresh fixture when the call
/// changes it) and answers the concrete path and the body to send.
pub async fn assert_answers<F, Fut>(t: &TestApp, users: &[(Role, TestUser)], expected: &Expected, probe: F)
where
    F: Fn(&'static str, &'static str, usize) -> Fut,
    Fut: Future<Output = (String, Option<Value>)>,
{
    let mut wrong = Vec::new();
    let mut n = 0;
    for (method_name, path, allowed) in expected {
        let method = Method::from_bytes(method_name.as_bytes()).expect("method");
        for (role, user) in users {
            n += 1;
            let (concrete, body) = probe(method_name, path, n).await;
            let reply = t.call(Some(user), method.clone(), &concrete, body).await;
            let status = reply.status.as_u16();
            assert_ne!(status, 500, "{method} {path} as {role}: {:#}", reply.body);
            let got_through = !matches!(status, 401 | 403 | 404);
            if got_through != allowed.contains(role) {
                wrong.push(format!("{method} {path} as {role}: {status} {}", reply.body));
            }
        }
        let (concrete, body) = probe(method_name, path, 0).await;
        let anonymous = t.call(None, method.clone(), &concrete, body).await;
        assert_eq!(anonymous.status.as_u16(), 401, "{method} {path} without a token");
    }
    assert!(wrong.is_empty(), "policy mismatches:\n{}", wrong.join("\n"));
}
