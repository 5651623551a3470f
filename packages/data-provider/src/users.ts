export interface UserDto {
  id: string;
  organizationId: string;
  email: string;
  name: string;
  role: string;
  createdAt: string;
  updatedAt: string;
}

export interface CreateUserInput {
  email: string;
  name?: string;
  password: string;
  role?: string;
}

export interface UpdateUserInput {
  name?: string;
  role?: string;
}

export interface ListUsersQuery {
  limit?: number;
  after?: string;
  search?: string;
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
