import { z } from "zod";
import { camelCaseKeys } from "./normalize-keys";

const DATA_FIELDS = "text, inlineData, fileData, functionCall or functionResponse";
const object = z.record(z.string(), z.unknown());

const part = z
  .looseObject({
    text: z.string().optional(),
    thought: z.boolean().optional(),
    thoughtSignature: z.string().optional(),
    inlineData: z.looseObject({ mimeType: z.string().min(1), data: z.string() }).optional(),
    fileData: z.looseObject({ fileUri: z.string().min(1), mimeType: z.string().optional() }).optional(),
    functionCall: z.looseObject({ name: z.string().min(1), args: object.optional(), id: z.string().optional() }).optional(),
    functionResponse: z.looseObject({ name: z.string().min(1), response: object.optional(), id: z.string().optional() }).optional(),
  })
  .refine((p) => Object.keys(p).some((key) => key !== "thought"), `must contain one of ${DATA_FIELDS}`);

const content = z.looseObject({
  role: z.enum(["user", "model", "function"]).optional(),
  parts: z.array(part).min(1, "must not be empty"),
});

const functionDeclaration = z.looseObject({
  name: z.string().min(1),
  description: z.string().optional(),
  parameters: object.optional(),
  parametersJsonSchema: object.optional(),
});

const thinkingConfig = z.looseObject({
  thinkingBudget: z.number().int().min(-1).optional(),
  includeThoughts: z.boolean().optional(),
  thinkingLevel: z.enum(["THINKING_LEVEL_UNSPECIFIED", "MINIMAL", "LOW", "MEDIUM", "HIGH"]).optional(),
});

const generationConfig = z.looseObject({
  maxOutputTokens: z.number().int().positive().max(1_000_000).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().int().min(0).optional(),
  stopSequences: z.array(z.string()).optional(),
  seed: z.number().int().optional(),
  candidateCount: z.number().int().min(1).max(8).optional(),
  presencePenalty: z.number().optional(),
  frequencyPenalty: z.number().optional(),
  responseMimeType: z.string().optional(),
  responseSchema: object.optional(),
  responseJsonSchema: object.optional(),
  thinkingConfig: thinkingConfig.optional(),
});

/** A generateContent body in Google's camelCase: what we read is checked, everything else is kept. */
export const generateRequestBodySchema = z.looseObject({
  contents: z.array(content).min(1, "must contain at least one content"),
  systemInstruction: z.looseObject({ role: z.string().optional(), parts: z.array(part) }).optional(),
  tools: z.array(z.looseObject({ functionDeclarations: z.array(functionDeclaration).optional() })).optional(),
  toolConfig: z.looseObject({
    functionCallingConfig: z.looseObject({
      mode: z.enum(["MODE_UNSPECIFIED", "AUTO", "ANY", "NONE", "VALIDATED"]).optional(),
      allowedFunctionNames: z.array(z.string()).optional(),
    }).optional(),
  }).optional(),
  generationConfig: generationConfig.optional(),
});

/** generateContent / streamGenerateContent bodies as users send them: camelCase or snake_case. */
export const generateRequestSchema = z.preprocess(camelCaseKeys, generateRequestBodySchema);

export type GenerateRequest = z.infer<typeof generateRequestSchema>;
export type InboundContent = GenerateRequest["contents"][number];
export type InboundPart = InboundContent["parts"][number];
