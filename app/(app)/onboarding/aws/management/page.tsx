import { LinkAccountPage } from "@/components/accounts/link-account-page";

export default function LinkManagementAccountPage() {
  return <LinkAccountPage accountType="management" />;
}
