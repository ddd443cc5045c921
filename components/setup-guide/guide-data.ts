import type { PermissionStatement } from "@/lib/aws/template-definition";

/** Content of the setup guide, built on the server by the link page. */
export interface SetupGuideData {
  accountType: "management" | "linked";
  externalId: string;
  /** The portal's AWS identity, or the error message when it could not be read. */
  principal: { ok: true; arn: string } | { ok: false; message: string };
  templateUrl: string;
  terraformUrl: string;
  /** The console's quick-create link, when the operator has published the templates to S3. */
  quickCreateUrl?: string;
  permissions: PermissionStatement[];
  stackName: string;
  sandbox: boolean;
  /** Whether the member may create roles and link accounts; viewers get the guide without the sandbox. */
  canEdit: boolean;
}
