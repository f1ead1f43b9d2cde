"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DomainError = void 0;
class DomainError extends Error {
    code;
    details;
    fields;
    constructor(code, details = {}, fields = []) {
        super(code);
        this.code = code;
        this.details = details;
        this.fields = fields;
        this.name = 'DomainError';
    }
    static invalidInput(fields) {
        return new DomainError('BAD_USER_INPUT', {}, fields);
    }
}
exports.DomainError = DomainError;
//# sourceMappingURL=domain-error.js.map