import { Breadcrumbs } from "@/components/waste/breadcrumbs";
import { ThresholdsForm } from "@/components/waste/thresholds-form";
import { thresholdFormValues } from "@/components/waste/thresholds-form-fields";
import { LoadedContent } from "@/components/ui/loaded-content";
import { PageHeader } from "@/components/ui/page-header";
import { loadOrDescribe } from "@/lib/db/describe-error";
import { getPrisma } from "@/lib/db/prisma";
import { getSettingsOverview } from "@/lib/queries/settings-overview";
import { defaultThresholds, getThresholds, THRESHOLDS_SETTING_KEY } from "@/lib/waste/thresholds";
import { saveDetectorThresholds } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Detector thresholds" };

export default async function DetectorThresholdsPage() {
  const loaded = await loadOrDescribe("detector thresholds", async () => {
    const prisma = await getPrisma();
    const [thresholds, overview] = await Promise.all([getThresholds(prisma), getSettingsOverview(prisma)]);
    const setting = overview.settings.find((candidate) => candidate.key === THRESHOLDS_SETTING_KEY);
    return {
      thresholds,
      lastChange: setting ? { by: setting.updatedBy, at: setting.updatedAt.toISOString() } : null,
    };
  });
  return (
    <>
      <Breadcrumbs trail={[{ href: "/settings", label: "Settings" }]} current="Detector thresholds" />
      <PageHeader
        title="Detector thresholds"
        description="The limits the waste detectors apply. A change takes effect at the next detection run, after the next ingest; every change is kept in the audit log."
      />
      <LoadedContent loaded={loaded}>
        {({ thresholds, lastChange }) => (
          <ThresholdsForm
            action={saveDetectorThresholds}
            initialValues={thresholdFormValues(thresholds)}
            defaultValues={thresholdFormValues(defaultThresholds)}
            lastChange={lastChange}
          />
        )}
      </LoadedContent>
    </>
  );
}
