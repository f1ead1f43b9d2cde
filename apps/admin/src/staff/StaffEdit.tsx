import {
  BooleanInput,
  Edit,
  maxLength,
  PasswordInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
} from 'react-admin';
import { BranchInput } from '../common/BranchInput';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { STAFF_ROLE_CHOICES } from '../common/enum-choices';
import { useNotifyApiError, useRecordLoadError } from '../errors/use-notify-api-error';

/** Name, role, branch and the active flag; a password typed here replaces the current one. */
const StaffEdit = () => {
  const onError = useNotifyApiError();
  const onLoadError = useRecordLoadError('staff');
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onError }}
      queryOptions={{ onError: onLoadError }}
      redirect="list"
    >
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <TextInput source="username" readOnly />
        <TextInput source="displayName" validate={[required(), maxLength(100)]} />
        <SelectInput source="role" choices={STAFF_ROLE_CHOICES} validate={required()} />
        <BranchInput source="branchId" validate={required()} />
        <BooleanInput source="active" />
        <PasswordInput
          source="password"
          label="resources.staff.fields.newPassword"
          helperText="resources.staff.helpers.newPassword"
          autoComplete="new-password"
        />
      </SimpleForm>
    </Edit>
  );
};

export default StaffEdit;
