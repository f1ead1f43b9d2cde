import { classifyIdNumber, idNumberErrorCode } from '@app/domain';
import { FormDataConsumer, maxLength, required, TextInput, type Validator } from 'react-admin';

/** The checksum test of the domain library, answered with the shared error code's message. */
export const validateIdNumber: Validator = (value: unknown) => {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const code = idNumberErrorCode(value);
  return code ? `errors.${code}` : undefined;
};

const validate = [required(), maxLength(20), validateIdNumber];

/** ID number with its kind (national ID, resident certificate, business number) shown as it is typed. */
export const IdNumberInput = () => (
  <FormDataConsumer<{ idNumber?: string }>>
    {({ formData }) => {
      const kind = formData.idNumber ? classifyIdNumber(formData.idNumber) : null;
      return (
        <TextInput
          source="idNumber"
          validate={validate}
          autoComplete="off"
          helperText={kind ? `enums.IdKind.${kind}` : 'resources.customers.helpers.idNumber'}
        />
      );
    }}
  </FormDataConsumer>
);
