//! Identity and stay documents of a person: recorded, corrected and removed
//! by those who may see the person, each change audited and, when a
//! document is added, shown on the timeline of the person's open cases.
//! The reminders before a permit expires are in [`reminders`].

pub mod reminders;

use soleil_domain::document::NewDocument;
use soleil_domain::{
    AuditAction, CaseEventKind, CaseState, Document, DocumentId, DocumentInput, Person, PersonId, User,
};
use soleil_store::cases::{CaseFilter, CaseSummary};
use soleil_store::{Page, Scope, Tx, cases, documents, persons};

use crate::audit::{Subject, record};
use crate::cases::{Step, insert_event};
use crate::{App, AppError, AppResult, Operation, authorize, policy};

impl App {
    /// The documents of a person the caller may see. Reading them is a read
    /// of the person, audited as such.
    pub async fn person_documents(&self, actor: &User, person: PersonId) -> AppResult<Vec<Document>> {
        authorize(actor, Operation::ReadDocuments)?;
        let mut tx = self.store.begin().await?;
        let person = visible_person(&mut tx, actor, person).await?;
        let list = documents::for_person(tx.conn(), person.id).await?;
        let subject = Subject::new("person", person.id, Some(person.region));
        record(
            &mut tx,
            actor,
            AuditAction::Read,
            subject,
            Some("documents".into()),
        )
        .await?;
        tx.commit().await?;
        Ok(list)
    }

    /// Records a document of a person the caller may see. A newer permit
    /// (or the receipt of its renewal) closes the reminders of the old one.
    pub async fn add_document(
        &self,
        actor: &User,
        person: PersonId,
        input: &DocumentInput,
    ) -> AppResult<Document> {
        authorize(actor, Operation::ManageDocuments)?;
        let new = NewDocument::parse(input, crate::clock::now().date_naive())?;
        let mut tx = self.store.begin().await?;
        let person = visible_person(&mut tx, actor, person).await?;
        let now = crate::clock::now();
        let document = Document {
            id: DocumentId::new(),
            person_id: person.id,
            kind: new.kind,
            permit_type: new.permit_type,
            number: new.number,
            issued_by: new.issued_by,
            issued_on: new.issued_on,
            expires_on: new.expires_on,
            notes: new.notes,
            recorded_by: actor.id,
            created_at: now,
            updated_at: now,
        };
        documents::insert(tx.conn(), &document).await?;
        audit_change(&mut tx, actor, AuditAction::Create, &document, &person).await?;
        for case in open_cases(&mut tx, &person).await? {
            let step = Step::new(CaseEventKind::DocumentAdded).code(Some(document.kind.as_str()));
            insert_event(&mut tx, actor, case.case.id, step).await?;
        }
        reminders::close_superseded(&mut tx, actor, person.id).await?;
        tx.commit().await?;
        Ok(document)
    }

    /// Corrects a document. Reminders of an expiry that changed are closed;
    /// the job raises those of the new expiry.
    pub async fn update_document(
        &self,
        actor: &User,
        id: DocumentId,
        input: &DocumentInput,
    ) -> AppResult<Document> {
        authorize(actor, Operation::ManageDocuments)?;
        let new = NewDocument::parse(input, crate::clock::now().date_naive())?;
        let mut tx = self.store.begin().await?;
        let (person, old) = visible_document(&mut tx, actor, id).await?;
        let document = Document {
            kind: new.kind,
            permit_type: new.permit_type,
            number: new.number,
            issued_by: new.issued_by,
            issued_on: new.issued_on,
            expires_on: new.expires_on,
            notes: new.notes,
            updated_at: crate::clock::now(),
            ..old
        };
        if !documents::update(tx.conn(), &document).await? {
            return Err(AppError::NotFound("document"));
        }
        audit_change(&mut tx, actor, AuditAction::Update, &document, &person).await?;
        reminders::close_superseded(&mut tx, actor, person.id).await?;
        tx.commit().await?;
        Ok(document)
    }

    /// One document of a person the caller may see, for its edit form.
    pub async fn document(&self, actor: &User, id: DocumentId) -> AppResult<Document> {
        authorize(actor, Operation::ReadDocuments)?;
        let mut tx = self.store.begin().await?;
        let (person, document) = visible_document(&mut tx, actor, id).await?;
        let subject = Subject::new("person", person.id, Some(person.region));
        let detail = Some(format!("document {id}"));
        record(&mut tx, actor, AuditAction::Read, subject, detail).await?;
        tx.commit().await?;
        Ok(document)
    }

    /// Removes a document (it stays in the history); its open reminders
    /// close. Returns the document as it was.
    pub async fn remove_document(&self, actor: &User, id: DocumentId) -> AppResult<Document> {
        authorize(actor, Operation::ManageDocuments)?;
        let mut tx = self.store.begin().await?;
        let (person, document) = visible_document(&mut tx, actor, id).await?;
        if !documents::remove(tx.conn(), id, crate::clock::now()).await? {
            return Err(AppError::NotFound("document"));
        }
        audit_change(&mut tx, actor, AuditAction::Delete, &document, &person).await?;
        reminders::close_superseded(&mut tx, actor, person.id).await?;
        tx.commit().await?;
        Ok(document)
    }
}

/// The person, if the caller may see them.
async fn visible_person(tx: &mut Tx, actor: &User, id: PersonId) -> AppResult<Person> {
    persons::get(tx.conn(), policy::scope(actor), id)
        .await?
        .ok_or(AppError::NotFound("person"))
}

/// A document and its person, if the caller may see the person.
async fn visible_document(tx: &mut Tx, actor: &User, id: DocumentId) -> AppResult<(Person, Document)> {
    let document = documents::get(tx.conn(), id)
        .await?
        .ok_or(AppError::NotFound("document"))?;
    let person = persons::get(tx.conn(), policy::scope(actor), document.person_id)
        .await?
        .ok_or(AppError::NotFound("document"))?;
    Ok((person, document))
}

/// The audit event of a change: the document's kind, never its number.
async fn audit_change(
    tx: &mut Tx,
    actor: &User,
    action: AuditAction,
    document: &Document,
    person: &Person,
) -> AppResult<()> {
    let subject = Subject::new("document", document.id, Some(person.region));
    let detail = format!("{} of person {}", document.kind, person.id);
    record(tx, actor, action, subject, Some(detail)).await
}

/// The person's cases that are not closed, in the person's region, newest first.
async fn open_cases(tx: &mut Tx, person: &Person) -> AppResult<Vec<CaseSummary>> {
    let open = CaseFilter {
        person: Some(person.id),
        states: CaseState::all().filter(|s| *s != CaseState::Closed).collect(),
        ..CaseFilter::default()
    };
    let scope = Scope::Region(person.region);
    let (list, _) = cases::list(tx.conn(), scope, &open, Page::new(0, Page::MAX_SIZE)).await?;
    Ok(list)
}
