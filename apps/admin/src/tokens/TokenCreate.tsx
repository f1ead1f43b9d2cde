import {
  AutocompleteInput,
  Create,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  regex,
} from 'react-admin';
import { useNotifyApiError } from '../errors/use-notify-api-error';
import { ReadFromAgentButton } from './ReadFromAgentButton';
import { SERIAL_SOURCE_CHOICES, TOKEN_TYPE_CHOICES } from './token-choices';

/** The API's rule for a serial: 1–32 printable characters, no blanks (CK_TOKEN_INFO.serialNumber). */
const SERIAL = regex(/^\s*[\x21-\x7e]{1,32}\s*$/, 'errors.TOKEN_SERIAL_INVALID');

const customerText = (c: { idNumber: string; name: string }) => `${c.idNumber} ${c.name}`;

/**
 * 載具登記: the token handed to the customer. A barcode scanner types the serial and presses Enter,
 * which saves the form, so the serial field takes the focus; with an agent at the counter the
 * serial is read from the token itself.
 */
const TokenCreate = () => {
  const onError = useNotifyApiError();
  return (
    <Create mutationOptions={{ onError }} redirect="list">
      <SimpleForm defaultValues={{ type: 'IKEY', serialSource: 'SCANNED' }}>
        <ReferenceInput source="customerId" reference="customers">
          <AutocompleteInput optionText={customerText} filterToQuery={(q: string) => ({ q })} validate={required()} />
        </ReferenceInput>
        <ReadFromAgentButton />
        <SelectInput source="type" choices={TOKEN_TYPE_CHOICES} validate={required()} />
        <TextInput source="serial" autoFocus validate={[required(), SERIAL]} />
        <SelectInput source="serialSource" choices={SERIAL_SOURCE_CHOICES} validate={required()} />
      </SimpleForm>
    </Create>
  );
};

export default TokenCreate;
