import { Create, email, Loading, maxLength, required, SimpleForm, TextInput, useGetIdentity } from 'react-admin';
import { BranchInput } from '../common/BranchInput';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import { IdNumberInput } from './IdNumberInput';

/** Registers a customer; the home branch defaults to the teller's own. */
const CustomerCreate = () => {
  const onError = useNotifyApiError();
  const { identity, isPending } = useGetIdentity();
  if (isPending) return <Loading />;
  const homeBranchId: unknown = identity?.branch?.id;
  return (
    <Create mutationOptions={{ onError }} redirect="show">
      <SimpleForm defaultValues={{ homeBranchId }}>
        <IdNumberInput />
        <TextInput source="name" validate={[required(), maxLength(100)]} />
        <TextInput source="email" type="email" validate={[email(), maxLength(254)]} />
        <TextInput source="phone" type="tel" validate={maxLength(20)} />
        <BranchInput source="homeBranchId" validate={required()} />
      </SimpleForm>
    </Create>
  );
};

export default CustomerCreate;
