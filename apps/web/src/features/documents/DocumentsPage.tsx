import { DocumentIcon, PlannedFeature } from '../../components';

export function DocumentsPage() {
  return (
    <PlannedFeature
      title="Documents"
      icon={<DocumentIcon />}
      summary="Your income statements, receipts and statements in one place, read for you and linked to the figures they support."
      plans={[
        'Upload your income statement, receipts, and bank, dividend and private health statements — PDFs or photos.',
        'Numeri reads each one and suggests the figures for your return; you confirm or correct them.',
        'Every figure on your return links back to the page it came from, so your records are ready if the ATO asks.',
      ]}
    />
  );
}
