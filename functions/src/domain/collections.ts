/**
 * Firestore collection names, shared by functions, web, rules tests and seed so that a rename is one
 * edit. Every tenant-owned document carries `instansiId`; the rules scope by it.
 *
 *   instansi/{instansiId}                      public profile of a government (name, letterhead)
 *   instansi/{instansiId}/members/{uid}        staff of that government and their roles (functions only)
 *   instansi/{instansiId}/roleAudit/{autoId}   every grant and removal of a staff role (functions only)
 *   instansi/{id}/calendarAudit/{autoId}       every change of its election dates and Penjabat periods (functions only)
 *   instansi/{id}/requests/{requestId}         answers of earlier instansi-level calls (functions only)
 *   selections/{selectionId}                   a selection with its posts; public once announced
 *   profiles/{uid}                             a candidate's profile (owner reads; registerCandidate and saveProfile write)
 *   profiles/{uid}/requests/{requestId}        saveProfile's answers, so retries save once (functions only)
 *   applications/{sel_post_uid}                one candidate's application to one post (functions only)
 *   applications/{id}/review/main              the operators' verification before it is announced (staff)
 *   nips/{nip}                                 one account per NIP, pending until the e-mail is verified (functions only)
 *   nipDisputes/{nip_uid}                      a civil servant's claim to a NIP another account holds (+ /audit)
 *   rateLimits/{hash}                          sign-up attempts per NIP and per client in a fixed window (functions only)
 *   tokenRefresh/{uid}                         tells a signed-in client its claims changed
 *   files/{fileId}                             a stored file's metadata; `complete` once every chunk is in
 *   files/{fileId}/chunks/{00000}              the bytes in pieces of at most 512 KiB, written only by functions
 *   uploads/{fileId}                           a candidate's upload manifest; accepted/rejected only by a function
 *   uploads/{fileId}/chunks/{00000}            its bytes in pieces of at most 512 KiB, written by the phone
 *   selections/{id}/proposals/{proposalId}     stage moves proposed and decided (functions only)
 *   selections/{id}/audit/{seq}                the append-only timeline of the selection
 *   selections/{id}/requests/{requestId}       answers of earlier calls, so retries change nothing
 *   documents/{documentId}                     public record of an issued document version
 *   documents/{documentId}/snapshot/input      what that version is rendered from (functions only)
 *   instansi/{id}/counters/{year}              document number sequences (functions only)
 *   instansi/{id}/deletedDrafts/{selectionId}  who deleted a draft with which request id (functions only)
 *   publicSelections/{id}                      what is published of a selection (a trigger writes it)
 *   publicSelections/{id}/detail/main          its requirements, legal basis and contact
 *   conflicts/{sel_post_uid}                   a pansel member's conflict declaration for a post (functions only)
 *   scoreDrafts/{app_component_uid}            a member's score being typed, written by the tablet (offline) under rules
 *   scores/{app_component_uid}                 a member's submitted score (functions only)
 *   importedScores/{app_component}             an assessment centre's result imported from its report (functions only)
 *   signatures/{sel_stage_uid}                 a pansel member's signature on a stage's berita acara, from the tablet
 *   rankings/{sel_post_stage}                  a computed ranking of a post after a stage (functions only)
 *   calibrations/{sel_post_stage}              the committee's resolution of each spread flag of that ranking (functions only)
 */
export const COLLECTIONS = {
  instansi: "instansi",
  members: "members",
  roleAudit: "roleAudit",
  calendarAudit: "calendarAudit",
  selections: "selections",
  profiles: "profiles",
  applications: "applications",
  review: "review",
  nips: "nips",
  nipDisputes: "nipDisputes",
  rateLimits: "rateLimits",
  tokenRefresh: "tokenRefresh",
  files: "files",
  chunks: "chunks",
  uploads: "uploads",
  proposals: "proposals",
  audit: "audit",
  requests: "requests",
  documents: "documents",
  counters: "counters",
  deletedDrafts: "deletedDrafts",
  snapshot: "snapshot",
  publicSelections: "publicSelections",
  publicDetail: "detail",
  conflicts: "conflicts",
  scoreDrafts: "scoreDrafts",
  scores: "scores",
  importedScores: "importedScores",
  rankings: "rankings",
  signatures: "signatures",
  calibrations: "calibrations",
} as const;
