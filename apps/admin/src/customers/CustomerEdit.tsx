import { Edit, email, maxLength, required, SimpleForm, TextInput } from 'react-admin';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { useNotifyApiError, useRecordLoadError } from '../errors/use-notify-api-error';

/**
 * Name and contact details; the ID number is fixed at registration. Pessimistic, so that a server
 * refusal (STALE_UPDATE, field errors) reaches the form instead of being undone after the fact.
 */
const CustomerEdit = () => {
  const onError = useNotifyApiError();
  const onLoadError = useRecordLoadError('customers');
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={{ onError }}
      queryOptions={{ onError: onLoadError }}
      redirect="show"
    >
      <SimpleForm toolbar={<SaveOnlyToolbar />}>
        <TextInput source="idNumber" readOnly />
        <TextInput source="name" validate={[required(), maxLength(100)]} />
        <TextInput source="email" type="email" validate={[email(), maxLength(254)]} />
        <TextInput source="phone" type="tel" validate={maxLength(20)} />
      </SimpleForm>
    </Edit>
  );
};

export default CustomerEdit;
