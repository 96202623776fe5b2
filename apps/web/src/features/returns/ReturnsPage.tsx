import { PlannedFeature, ReturnIcon } from '../../components';

export function ReturnsPage() {
  return (
    <PlannedFeature
      title="Returns"
      icon={<ReturnIcon />}
      summary="Your tax return for each income year, from first figure to ready to lodge."
      plans={[
        'Work through your return section by section, asked only the questions that apply to you.',
        'See your refund update as you go, with every line explained and linked to its ATO source.',
        'Check what’s still missing before you finish, and keep past years for reference.',
      ]}
    />
  );
}
