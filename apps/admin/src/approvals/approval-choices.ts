import { ApprovalStatus } from '@app/contracts';

export const APPROVAL_STATUS_CHOICES = Object.values(ApprovalStatus).map((value) => ({
  id: value,
  name: `enums.ApprovalStatus.${value}`,
}));
