/**
 * The upload control of one checklist entry of a draft application: take a photo or pick a file,
 * compress, send in Firestore chunks with progress, resume after a dropped connection.
 *
 * INTERFACE ONLY for now: the application screen renders it for each checklist entry while the
 * application is a draft inside the registration window; the uploads work fills in the body.
 */
import type { DocumentRequirement } from "@domain/selection/setup";
import type { ApplicationDocument } from "@domain/applications/application";

export interface DocumentUploadProps {
  /** applications/{applicationId}, owned by the signed-in candidate. */
  readonly applicationId: string;
  readonly instansiId: string;
  readonly selectionId: string;
  readonly postId: string;
  readonly requirement: DocumentRequirement;
  /** The file now on the checklist for this entry, as the functions recorded it, if any. */
  readonly current: ApplicationDocument | undefined;
}

export function DocumentUpload(_props: DocumentUploadProps) {
  return null;
}
