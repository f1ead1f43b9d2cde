import { Create, maxLength, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { BranchInput } from '../common/BranchInput';
import { STAFF_ROLE_CHOICES } from '../common/enum-choices';
import { useNotifyApiError } from '../errors/use-notify-api-error';

/** A new staff account; the API checks the password's strength and the username's uniqueness. */
const StaffCreate = () => {
  const onError = useNotifyApiError();
  return (
    <Create mutationOptions={{ onError }} redirect="list">
      <SimpleForm defaultValues={{ role: 'TELLER' }}>
        <TextInput source="username" validate={[required(), maxLength(50)]} autoComplete="off" />
        <TextInput source="displayName" validate={[required(), maxLength(100)]} />
        <SelectInput source="role" choices={STAFF_ROLE_CHOICES} validate={required()} />
        <BranchInput source="branchId" validate={required()} />
        <PasswordInput source="password" validate={required()} autoComplete="new-password" />
      </SimpleForm>
    </Create>
  );
};

export default StaffCreate;
