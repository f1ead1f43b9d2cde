import { ApplicationStatus, TokenStatus } from '@app/contracts';
import { useTranslate } from 'react-admin';
import type { BranchFigures } from '../reports/report.queries';
import { FigureCard } from './FigureCard';
import { FigureLink, FigureList } from './FigureLink';
import { listLink } from './list-link';

/** Applications whose notice is printed but unused, locked or expired; tokens locked or reported lost. */
export const CounterCard = ({ figures, branchId }: { figures: BranchFigures; branchId?: string }) => {
  const translate = useTranslate();
  const application = (status: ApplicationStatus) => listLink('applications', { status, branchId });
  const token = (status: TokenStatus) => listLink('tokens', { status, branchId });
  return (
    <FigureCard title={translate('dashboard.counter.title')} testId="counter">
      <FigureList>
        <FigureLink
          id="applications-NOTICE_PRINTED"
          label={translate('dashboard.counter.noticePrinted')}
          value={figures.applicationsNoticePrinted}
          to={application(ApplicationStatus.NOTICE_PRINTED)}
        />
        <FigureLink
          id="applications-LOCKED"
          label={translate('dashboard.counter.applicationsLocked')}
          value={figures.applicationsLocked}
          to={application(ApplicationStatus.LOCKED)}
          attention
        />
        <FigureLink
          id="applications-EXPIRED"
          label={translate('dashboard.counter.applicationsExpired')}
          value={figures.applicationsExpired}
          to={application(ApplicationStatus.EXPIRED)}
        />
        <FigureLink
          id="tokens-LOCKED"
          label={translate('dashboard.counter.tokensLocked')}
          value={figures.tokensLocked}
          to={token(TokenStatus.LOCKED)}
          attention
        />
        <FigureLink
          id="tokens-LOST"
          label={translate('dashboard.counter.tokensLost')}
          value={figures.tokensLost}
          to={token(TokenStatus.LOST)}
          attention
        />
      </FigureList>
    </FigureCard>
  );
};
