import { ReferenceInput, SelectInput, type SelectInputProps } from 'react-admin';
import type { Branch } from '../data/api-types';

const branchLabel = (branch: Branch) => `${branch.code} ${branch.name}`;

export interface BranchInputProps extends Omit<SelectInputProps, 'source'> {
  source: string;
}

/** A branch picked by code and name from the API's branch list. */
export const BranchInput = ({ source, alwaysOn, ...props }: BranchInputProps) => (
  <ReferenceInput
    source={source}
    reference="branches"
    perPage={1000}
    sort={{ field: 'code', order: 'ASC' }}
    alwaysOn={alwaysOn}
  >
    <SelectInput optionText={branchLabel} {...props} />
  </ReferenceInput>
);
