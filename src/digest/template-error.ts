import { AppError } from "../errors";

/** The digest layout (emails/*.mjml) does not compile or lacks a part the renderer needs. */
export class TemplateError extends AppError {
  constructor(message: string) {
    super("TEMPLATE_INVALID", message);
  }
}
